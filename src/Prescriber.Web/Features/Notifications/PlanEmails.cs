using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Notifications;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Data;
using Prescriber.Data.Notifications;
using Prescriber.Web.Features.Patients;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// The email a patient gets with every new version of their program: the plan, what changed,
/// the personal link and an .ics of the sessions. Queued into the caller's context, so it
/// commits with the version that causes it.
/// </summary>
public sealed class PlanEmails(EmailRenderer renderer, PatientLinks links)
{
    public const string Kind = "program.plan";

    /// <summary>Long enough to open the plan again in the next days; reminders bring fresh links.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(14);

    public static string DedupKey(Guid versionId) => $"plan:{versionId:N}";

    public async Task EnqueueAsync(
        AppDbContext db, Patient patient, ExerciseProgram program, ProgramVersion version, ProgramVersion? previous, DateTime now, CancellationToken cancellationToken)
    {
        var ids = version.Exercises.Select(e => e.ExerciseId).Distinct().ToList();
        var exercises = await db.Exercises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        // The patient should see who the plan is from, not only the software that sent it.
        var clinic = await db.Clinics.AsNoTracking().Where(c => c.Id == program.ClinicId).Select(c => c.Name).FirstAsync(cancellationToken);
        var plan = new PlanEmailContent(
            program.Name,
            patient.Name,
            clinic,
            version,
            exercises,
            previous is null ? [] : ProgramDiff.Compare(previous, version),
            program.PatientReminderTimes ?? version.ReminderTimes,
            ProgramRules.EstimatedMinutes(version.Exercises.Select(e => e.Dosage)),
            links.CreateUrl(PatientLinkPurpose.Today, patient.Id, program.Id, new DateTimeOffset(now, TimeSpan.Zero) + LinkLifetime));
        var title = version.Number == 1 ? $"Your home exercise plan: {program.Name}" : $"Your plan has changed: {program.Name}";
        var html = await renderer.RenderAsync<PlanEmail>(new Dictionary<string, object?>
        {
            [nameof(PlanEmail.Title)] = title,
            [nameof(PlanEmail.ProgramName)] = plan.ProgramName,
            [nameof(PlanEmail.PatientName)] = plan.PatientName,
            [nameof(PlanEmail.ClinicName)] = plan.ClinicName,
            [nameof(PlanEmail.Version)] = plan.Version,
            [nameof(PlanEmail.Exercises)] = plan.Exercises,
            [nameof(PlanEmail.Changes)] = plan.Changes,
            [nameof(PlanEmail.ReminderTimes)] = plan.ReminderTimes,
            [nameof(PlanEmail.Minutes)] = plan.Minutes,
            [nameof(PlanEmail.Link)] = plan.Link,
        });
        var message = new OutboxMessage
        {
            ClinicId = program.ClinicId,
            Kind = Kind,
            ToAddress = patient.Email,
            ToName = patient.Name,
            Subject = title,
            HtmlBody = html,
            TextBody = PlanText.Text(plan),
            DedupKey = DedupKey(version.Id),
        };
        message.Attachments.Add(OutboxAttachment.FromBytes(PlanCalendar.FileName, PlanCalendar.ContentType, PlanCalendar.Create(program.Id, patient.TimeZone, plan)));
        await OutboxWriter.EnqueueAsync(db, message, now, cancellationToken);
    }
}
