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
}
