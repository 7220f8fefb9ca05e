namespace Prescriber.Core.Library;

/// <summary>One broken rule, named by the field it concerns (dotted path, camelCase like the seed files).</summary>
public sealed record ValidationError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
