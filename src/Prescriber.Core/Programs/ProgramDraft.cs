namespace Prescriber.Core.Programs;

/// <summary>A program as the builder (or the API) hands it in, before it becomes a version.</summary>
public sealed class ProgramDraft
{
    public string Name { get; set; } = "";

    public int TimesPerDay { get; set; } = 1;

    public WeekDays Days { get; set; } = WeekDays.Every;

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public List<TimeOnly> ReminderTimes { get; set; } = [];

    public string? Note { get; set; }

    public List<PrescriptionDraft> Exercises { get; set; } = [];

    /// <summary>The program revision the edit started from; a newer one in the database is a conflict.</summary>
    public int? Revision { get; set; }
}
