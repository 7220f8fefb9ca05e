using System.Globalization;
using Prescriber.Core.Notifications;
using Prescriber.Core.Reminders;
using Prescriber.Web.Features.Patients;

namespace Prescriber.Web.Features.Notifications;

/// <summary>Builds a reminder's outbox message: logging link, one-click opt-out (RFC 8058) and nothing clinical.</summary>
public sealed class ReminderEmails(EmailRenderer renderer, PatientLinks links)
{
    private ReminderBody? _body;

    public const string Kind = "reminder";

    /// <summary>Mail providers may act on List-Unsubscribe long after delivery; the opt-out link outlives the reminder.</summary>
    public static readonly TimeSpan OptOutLifetime = TimeSpan.FromDays(90);

    public static string DedupKey(Guid programId, DateOnly date, TimeOnly slot) =>
        $"reminder:{programId:N}:{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}:{slot.ToString("HHmm", CultureInfo.InvariantCulture)}";

    public async Task<OutboxMessage> BuildAsync(ReminderCandidate program, DueSlot slot, DateTimeOffset now)
    {
        var today = links.CreateUrl(PatientLinkPurpose.Today, program.PatientId, program.ProgramId, PatientLinks.EndOfNextLocalDay(now, program.TimeZone));
        var optOut = links.CreateUrl(PatientLinkPurpose.OptOut, program.PatientId, program.ProgramId, now + OptOutLifetime);
        // Rendered by Razor once per scan (this service lives as long as the job's scope).
        _body ??= await ReminderBody.RenderAsync(renderer);
        var html = _body.Fill(program.PatientName, program.ProgramName, today, optOut);
        var message = new OutboxMessage
        {
            ClinicId = program.ClinicId,
            Kind = Kind,
            ToAddress = program.PatientEmail,
            ToName = program.PatientName,
            Subject = $"Time for your exercises: {program.ProgramName}",
            HtmlBody = html,
            TextBody = $"Hello {program.PatientName},\n\nIt is time for {program.ProgramName}. When you are done, tell your clinician how it went.\n\n"
                + $"Open today's exercises:\n{today}\n\nDon't want these reminders? Turn reminder emails off:\n{optOut}\n",
            DedupKey = DedupKey(program.ProgramId, slot.LocalDate, slot.Slot),
            // Not before its time, even when written by a scan that runs early.
            NextAttemptAt = slot.DueAt.UtcDateTime,
        };
        message.Headers.Add(new OutboxHeader { Name = "List-Unsubscribe", Value = $"<{optOut}>" });
        message.Headers.Add(new OutboxHeader { Name = "List-Unsubscribe-Post", Value = "List-Unsubscribe=One-Click" });
        return message;
    }
}
