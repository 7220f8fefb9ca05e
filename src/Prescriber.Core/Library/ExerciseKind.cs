namespace Prescriber.Core.Library;

public enum ExerciseKind
{
    Stretch,
    Strengthening,
    Mobility,
    MotorControl,
}
