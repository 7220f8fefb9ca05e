namespace Prescriber.Web.Features.Sessions;

/// <summary>The numbers of the checklist questions answered yes (1 to 10); the rest were no.</summary>
public sealed record ScreeningAnswers(List<int> Yes);
