namespace Prescriber.Web.Features.Notifications;

/// <summary>How the reminder scan and the clinician digest behave.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>
    /// How late a reminder may still go out: a server that was down at 07:30 sends today's
    /// reminder when it is back within this window, but never last week's.
    /// </summary>
    public int CatchUpHours { get; set; } = 6;

    /// <summary>Programs read per query; memory and query size stay flat however many patients there are.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Clinic-local time ("HH:mm") from which each clinician's daily digest is sent.</summary>
    public string DigestTime { get; set; } = "07:00";

    public TimeSpan CatchUp => TimeSpan.FromHours(CatchUpHours);

    public TimeOnly DigestLocalTime => TimeOnly.ParseExact(DigestTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
