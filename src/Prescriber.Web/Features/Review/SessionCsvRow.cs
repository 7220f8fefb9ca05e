namespace Prescriber.Web.Features.Review;

/// <summary>One session in the CSV export; the column names are the property names.</summary>
public sealed record SessionCsvRow
{
    public Guid PatientId { get; init; }

    public string Patient { get; init; } = "";

    public string Program { get; init; } = "";

    public int Version { get; init; }

    public DateOnly Date { get; init; }

    public DateTime LoggedAtUtc { get; init; }

    public bool Retrospective { get; init; }

    public string Status { get; init; } = "";

    public int? PainBefore { get; init; }

    public int? PainAfter { get; init; }

    public int? Difficulty { get; init; }

    /// <summary>Skipped exercises with their reasons, "Bird dog: Pain; ...".</summary>
    public string? Skipped { get; init; }

    public string? Note { get; init; }
}
