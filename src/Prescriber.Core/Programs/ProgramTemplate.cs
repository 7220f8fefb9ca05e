namespace Prescriber.Core.Programs;

/// <summary>A reusable routine. Shipped templates (from seeds/) have no clinic; a clinic's own have its id.</summary>
public sealed class ProgramTemplate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? ClinicId { get; set; }

    /// <summary>Stable key of a shipped template; null for a clinic's own.</summary>
    public string? Slug { get; set; }

    public required string Name { get; set; }

    public int TimesPerDay { get; set; } = 1;

    public WeekDays Days { get; set; } = WeekDays.Every;

    public List<TemplateExercise> Exercises { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    public bool IsShipped => ClinicId is null;
}
