using System.Text.RegularExpressions;

namespace Prescriber.Core.Library;

/// <summary>
/// What makes an exercise entry complete and safe to prescribe. One set of rules serves every door:
/// the seed import, the clinician's form and the API.
/// </summary>
public static partial class ExerciseRules
{
    public const int MaxNameLength = 120;
    public const int MaxTextLength = 600;
    public const int MaxListLength = 30;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    public static bool IsValidSlug(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= 80 && SlugPattern().IsMatch(slug);

    /// <summary>Turns a name into a slug: "Prone T raise" becomes "prone-t-raise".</summary>
    public static string Slugify(string name)
    {
        // Strip accents first so "Étirement" becomes "etirement", not "tirement".
        var decomposed = name.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        var lower = new string(decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark).ToArray());
        var dashed = Regex.Replace(lower, "[^a-z0-9]+", "-").Trim('-');
        return dashed.Length > 80 ? dashed[..80].TrimEnd('-') : dashed;
    }

    public static IReadOnlyList<ValidationError> Validate(Exercise exercise)
    {
        var errors = new List<ValidationError>();

        if (!IsValidSlug(exercise.Slug))
        {
            errors.Add(new("slug", "must be lowercase letters, digits and single dashes (e.g. prone-t-raise)"));
        }

        RequireText(errors, "name", exercise.Name, MaxNameLength);
        RequireText(errors, "bodyRegion", exercise.BodyRegion, MaxNameLength);

        if (!Enum.IsDefined(exercise.Kind))
        {
            errors.Add(new("kind", "is not a known kind"));
        }

        if (!Enum.IsDefined(exercise.Position))
        {
            errors.Add(new("position", "is not a known position"));
        }

        CheckList(errors, "aliases", exercise.Aliases, required: false, MaxNameLength);
        CheckList(errors, "targetMuscles", exercise.TargetMuscles, required: false, MaxNameLength);
        CheckList(errors, "steps", exercise.Steps, required: true, MaxTextLength);
        CheckList(errors, "cues", exercise.Cues, required: false, MaxTextLength);
        CheckList(errors, "cautions", exercise.Cautions, required: false, MaxTextLength);

        for (var i = 0; i < exercise.Equipment.Count; i++)
        {
            var item = exercise.Equipment[i];
            RequireText(errors, $"equipment[{i}].name", item.Name, MaxNameLength);
            CheckList(errors, $"equipment[{i}].substitutes", item.Substitutes, required: false, MaxTextLength);
        }

        errors.AddRange(DosageLimits.Check(exercise.Dosage));
        errors.AddRange(DosageLimits.Check(exercise.Frequency));

        if (exercise.EstimatedMinutes is < DosageLimits.MinMinutes or > DosageLimits.MaxMinutes)
        {
            errors.Add(new("estimatedMinutes", $"must be between {DosageLimits.MinMinutes} and {DosageLimits.MaxMinutes} (was {exercise.EstimatedMinutes})"));
        }

        for (var i = 0; i < exercise.Levels.Count; i++)
        {
            var level = exercise.Levels[i];
            RequireText(errors, $"levels[{i}].name", level.Name, MaxNameLength);
            RequireText(errors, $"levels[{i}].instructions", level.Instructions, MaxTextLength);
            if (level.Dosage is not null)
            {
                errors.AddRange(DosageLimits.Check(level.Dosage, $"levels[{i}].dosage"));
            }
        }

        if (exercise.Levels.Count(l => l.IsDefault) > 1)
        {
            errors.Add(new("levels", "only one level can be the default"));
        }

        CheckLinks(errors, "easier", exercise.EasierSlugs, exercise.Slug);
        CheckLinks(errors, "harder", exercise.HarderSlugs, exercise.Slug);

        if (exercise.SourceUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            errors.Add(new("source.url", "must be an absolute URL"));
        }

        return errors;
    }

    private static void RequireText(List<ValidationError> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "is required"));
        }
        else if (value.Length > maxLength)
        {
            errors.Add(new(field, $"must be at most {maxLength} characters"));
        }
    }

    private static void CheckList(List<ValidationError> errors, string field, List<string> values, bool required, int maxLength)
    {
        if (required && values.Count == 0)
        {
            errors.Add(new(field, "needs at least one entry"));
        }

        if (values.Count > MaxListLength)
        {
            errors.Add(new(field, $"can have at most {MaxListLength} entries"));
        }

        for (var i = 0; i < values.Count; i++)
        {
            RequireText(errors, $"{field}[{i}]", values[i], maxLength);
        }
    }

    private static void CheckLinks(List<ValidationError> errors, string field, List<string> slugs, string ownSlug)
    {
        for (var i = 0; i < slugs.Count; i++)
        {
            if (!IsValidSlug(slugs[i]))
            {
                errors.Add(new($"{field}[{i}]", $"'{slugs[i]}' is not a valid slug"));
            }
            else if (slugs[i] == ownSlug)
            {
                errors.Add(new($"{field}[{i}]", "an exercise cannot link to itself"));
            }
        }
    }
}
