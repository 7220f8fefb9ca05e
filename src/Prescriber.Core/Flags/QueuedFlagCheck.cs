namespace Prescriber.Core.Flags;

/// <summary>
/// A logged session whose clinic flag rules (high or rising pain, too easy, too hard) have not
/// run yet. Written in the same save as the session, so the check survives a crash or a restart;
/// deleted in the same transaction as the flags it raises, so it runs once. Not clinic-filtered:
/// the worker that drains it works across clinics and enters each session's clinic.
/// </summary>
public sealed class QueuedFlagCheck
{
    public Guid SessionId { get; set; }

    /// <summary>When the session was stored (UTC); the worker takes the oldest first.</summary>
    public DateTime QueuedAt { get; set; }
}
