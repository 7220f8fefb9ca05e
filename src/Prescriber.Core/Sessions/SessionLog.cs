using Prescriber.Core.Clinics;

namespace Prescriber.Core.Sessions;

/// <summary>
/// One session a patient reports: what they did of each exercise, pain before and after, how
/// hard it felt, and a note. It points at the version that was in force, so it is always judged
/// against what was prescribed at the time.
/// </summary>
public sealed class SessionLog : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClinicId { get; set; }

    public Guid PatientId { get; set; }

    public Guid ProgramId { get; set; }

    public Guid VersionId { get; set; }

    /// <summary>The patient's local date the session counts for.</summary>
    public DateOnly LocalDate { get; set; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime LoggedAt { get; set; }

    /// <summary>Logged after its day had ended (allowed up to 48 hours late).</summary>
    public bool Retrospective { get; set; }

    public SessionStatus Status { get; set; }

    /// <summary>Pain 0-10 before the session (NPRS).</summary>
    public int? PainBefore { get; set; }

    /// <summary>Pain 0-10 after the session (NPRS).</summary>
    public int? PainAfter { get; set; }

    /// <summary>How hard it felt, 0-10.</summary>
    public int? Difficulty { get; set; }

    public string? Note { get; set; }

    /// <summary>Whether the log needed the red-flag checklist, and where the patient is with it.</summary>
    public ScreeningState Screening { get; set; }

    /// <summary>The tier the trigger and the answers reached.</summary>
    public Safety.ScreeningTier ScreeningTier { get; set; }

    /// <summary>The checklist questions answered yes, as bits (question n is bit n-1).</summary>
    public int RedFlagYes { get; set; }

    /// <summary>Made by the patient's device per submit: a double tap or a retried post stores one session.</summary>
    public required string IdempotencyKey { get; set; }

    public List<SessionEntry> Entries { get; set; } = [];
}
