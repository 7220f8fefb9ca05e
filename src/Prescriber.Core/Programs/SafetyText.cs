namespace Prescriber.Core.Programs;

/// <summary>The words every plan carries, on paper, on screen and in email.</summary>
public static class SafetyText
{
    public const string Line =
        "Stop and contact your clinician if an exercise causes pain, numbness, tingling or dizziness. " +
        "If you have chest pain, trouble breathing, or pain spreading into your arm or jaw, stop and call emergency services.";

    public const string NotAdvice = "These instructions are for you only, from your own clinician; they are not general medical advice.";
}
