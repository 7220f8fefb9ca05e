namespace Prescriber.Core.Sessions;

/// <summary>A session as the patient sends it: from the today page's one submit or the logging API.</summary>
public sealed class SessionSubmission
{
    public Guid ProgramId { get; set; }

    /// <summary>The local day it is for; today when absent. Up to 48 hours back is accepted.</summary>
    public DateOnly? Date { get; set; }

    public int? PainBefore { get; set; }

    public int? PainAfter { get; set; }

    public int? Difficulty { get; set; }

    public string? Note { get; set; }

    /// <summary>Made by the client once per session; sending it again returns the stored session.</summary>
    public string IdempotencyKey { get; set; } = "";

    public List<EntrySubmission> Entries { get; set; } = [];
}
