using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Sessions;

/// <summary>
/// What the logging API answers: the stored session and, if needed, the checklist to ask; AtOnce
/// is a message to show the patient before anything else (the crisis line), or null.
/// </summary>
public sealed record SessionReceipt(
    Guid Id,
    DateOnly LocalDate,
    SessionStatus Status,
    bool Retrospective,
    ScreeningState Screening,
    ScreeningTier ScreeningTier,
    IReadOnlyList<RedFlagQuestion>? Checklist,
    string? AtOnce)
{
    public static SessionReceipt From(SessionLog session) => new(
        session.Id, session.LocalDate, session.Status, session.Retrospective, session.Screening, session.ScreeningTier,
        session.Screening == ScreeningState.Pending ? SafetyChecklist.Questions : null,
        SafetyChecklist.AtOnce(session.Note));
}
