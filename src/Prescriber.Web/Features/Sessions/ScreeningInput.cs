namespace Prescriber.Web.Features.Sessions;

/// <summary>The checklist as posted: one "yes" or "no" per question, in question order.</summary>
public sealed class ScreeningInput
{
    public Guid SessionId { get; set; }

    public List<string?> Answers { get; set; } = [];

    public IReadOnlySet<int> YesNumbers() =>
        Answers.Select((answer, i) => (answer, number: i + 1)).Where(a => a.answer == "yes").Select(a => a.number).ToHashSet();
}
