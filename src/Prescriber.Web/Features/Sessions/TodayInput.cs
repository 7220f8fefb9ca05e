using System.Globalization;
using Prescriber.Core.Sessions;

namespace Prescriber.Web.Features.Sessions;

/// <summary>The today form as posted: plain strings and numbers, so a half-filled form still binds.</summary>
public sealed class TodayInput
{
    public string IdempotencyKey { get; set; } = "";

    public string? Date { get; set; }

    public int? PainBefore { get; set; }

    public int? PainAfter { get; set; }

    public int? Difficulty { get; set; }

    public string? Note { get; set; }

    public List<TodayEntryInput> Entries { get; set; } = [];

    public SessionSubmission ToSubmission(Guid programId) => new()
    {
        ProgramId = programId,
        Date = DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
        PainBefore = PainBefore,
        PainAfter = PainAfter,
        Difficulty = Difficulty,
        Note = Note,
        IdempotencyKey = IdempotencyKey,
        Entries = Entries.Select(e => new EntrySubmission
        {
            PrescribedExerciseId = e.PrescribedExerciseId,
            Outcome = Enum.TryParse<EntryOutcome>(e.Outcome, out var outcome) ? outcome : (EntryOutcome)(-1),
            SetsDone = e.SetsDone,
            RepsDone = e.RepsDone,
            SkipReason = Enum.TryParse<SkipReason>(e.SkipReason, out var reason) ? reason : null,
        }).ToList(),
    };
}
