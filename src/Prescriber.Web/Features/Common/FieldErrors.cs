using Prescriber.Core.Library;

namespace Prescriber.Web.Features.Common;

/// <summary>Puts validation errors beside the form field they belong to ("steps[2]" goes to the steps box).</summary>
public sealed class FieldErrors(IReadOnlyList<ValidationError> errors)
{
    public static readonly FieldErrors None = new([]);

    public int Count => errors.Count;

    public bool Has(string field) => errors.Any(e => Matches(e, field));

    public string? Message(string field) => errors.Where(e => Matches(e, field)).Select(e => Describe(e, field)).FirstOrDefault();

    private static bool Matches(ValidationError error, string field) =>
        error.Field == field || error.Field.StartsWith(field + "[", StringComparison.Ordinal) || error.Field.StartsWith(field + ".", StringComparison.Ordinal);

    // Lines are counted from one, as people count them.
    private static string Describe(ValidationError error, string field)
    {
        if (error.Field == field)
        {
            return Capitalise(error.Message);
        }

        var rest = error.Field[field.Length..];
        var index = rest.StartsWith('[') && int.TryParse(rest[1..rest.IndexOf(']')], out var i) ? i + 1 : (int?)null;
        return index is null ? Capitalise(error.Message) : $"Line {index}: {error.Message}";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
