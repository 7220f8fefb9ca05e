using Prescriber.Core.Library;

namespace Prescriber.Web.Features.Library;

/// <summary>The words a clinician reads for the library's enums.</summary>
public static class ExerciseText
{
    public static string Of(ExercisePosition position) => position switch
    {
        ExercisePosition.Sitting => "Sitting",
        ExercisePosition.LongSitting => "Long sitting",
        ExercisePosition.LyingOnBack => "Lying on the back",
        ExercisePosition.LyingFaceDown => "Lying face down",
        ExercisePosition.AllFours => "On all fours",
        ExercisePosition.Standing => "Standing",
        _ => position.ToString(),
    };

    public static string Of(ExerciseKind kind) => kind switch
    {
        ExerciseKind.Stretch => "Stretch",
        ExerciseKind.Strengthening => "Strengthening",
        ExerciseKind.Mobility => "Mobility",
        ExerciseKind.MotorControl => "Motor control",
        _ => kind.ToString(),
    };

    /// <summary>The kebab-case word of an enum value, as the API and the seed files write it.</summary>
    public static string Kebab<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Reads "lying-face-down" (or "LyingFaceDown"); records an error naming the parameter otherwise.</summary>
    public static TEnum? ParseQuery<TEnum>(string? text, string parameter, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Enum.GetValues<TEnum>().Where(v => Kebab(v).Equals(text.Trim(), StringComparison.OrdinalIgnoreCase) || v.ToString().Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 1)
        {
            return match[0];
        }

        errors[parameter] = [$"'{text}' is not a known {parameter}; use one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(Kebab))}."];
        return null;
    }
}
