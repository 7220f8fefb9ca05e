namespace Prescriber.Web.Features.Review;

/// <summary>One patient-day of one program in the adherence CSV export (docs/adherence.md).</summary>
public sealed record AdherenceCsvRow
{
    public Guid PatientId { get; init; }

    public string Patient { get; init; } = "";

    public string Program { get; init; } = "";

    public DateOnly Date { get; init; }

    public string State { get; init; } = "";

    public int? Version { get; init; }

    public int Prescribed { get; init; }

    public int Completed { get; init; }

    public int Partial { get; init; }

    public int Skipped { get; init; }

    public int Missed { get; init; }

    public int Extra { get; init; }

    public double SessionCredit { get; init; }

    public double DoseCredit { get; init; }
}
