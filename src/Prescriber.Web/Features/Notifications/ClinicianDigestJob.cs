using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Prescriber.Core.Clinics;
using Prescriber.Core.Notifications;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Reminders;
using Prescriber.Data;
using Prescriber.Data.Clinics;
using Prescriber.Data.Notifications;
using Prescriber.Web.Features.Common;
using Prescriber.Web.Features.Review;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// A daily email to each clinician listing their clinic's patients who went silent, whose
/// adherence is low, or who never signed in. Sent from <see cref="ReminderOptions.DigestTime"/> in
/// the clinic's time zone; the job runs often and the dedup key (clinician, clinic-local date)
/// makes it one email a day. No email when there is nothing to report.
/// Open flags (red-flag answers and words, high or rising pain, silence) lead each patient's line.
/// Adherence is the figure "My patients" shows (docs/adherence.md), so the numbers agree.
/// </summary>
public sealed class ClinicianDigestJob(
    IDbContextFactory<AppDbContext> contexts,
    IServiceScopeFactory scopes,
    EmailRenderer renderer,
    OutboxDispatchTrigger dispatch,
    IOptions<ReminderOptions> options,
    IOptions<AppOptions> app,
    TimeProvider time)
{
    public const string Kind = "clinician.digest";

    private string Definitions =>
        "Silent: no session logged for 2 days or more. Low adherence: under 50% over the last 7 days, today included, "
        + $"as on the My patients page (how it is counted: {app.Value.Link("help/adherence")}). "
        + "Open flags are listed until a clinician acknowledges or resolves them.";

    public static string DedupKey(string userId, DateOnly date) => $"digest:{userId}:{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>Queues today's digests that are due; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<Clinic> clinics;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            clinics = await db.Clinics.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        }

        var queued = 0;
        foreach (var clinic in clinics)
        {
            var local = TimeZoneInfo.ConvertTime(now, PatientTime.Zone(clinic.TimeZone));
            if (TimeOnly.FromDateTime(local.DateTime) < options.Value.DigestLocalTime)
            {
                continue;
            }

            queued += await QueueForClinicAsync(clinic, DateOnly.FromDateTime(local.DateTime), now, cancellationToken);
        }

        if (queued > 0)
        {
            dispatch.DispatchSoon();
        }

        return queued;
    }

    private async Task<int> QueueForClinicAsync(Clinic clinic, DateOnly clinicToday, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinicians = await ClinicianAddress.OfClinicAsync(db, clinic.Id, cancellationToken);
        var keys = clinicians.Select(c => DedupKey(c.Id, clinicToday)).ToList();
        var done = await db.OutboxMessages.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(cancellationToken);
        clinicians.RemoveAll(c => done.Contains(DedupKey(c.Id, clinicToday)));
        if (clinicians.Count == 0)
        {
            return 0;
        }

        var lines = await LinesAsync(db, clinic.Id, now, cancellationToken);
        if (lines.Count == 0)
        {
            return 0;
        }

        var nowUtc = now.UtcDateTime;
        var title = $"{lines.Count} patient{(lines.Count == 1 ? "" : "s")} to look at today";
        foreach (var clinician in clinicians)
        {
            var name = clinician.Greeting;
            var html = await renderer.RenderAsync<DigestEmail>(new Dictionary<string, object?>
            {
                [nameof(DigestEmail.Title)] = title,
                [nameof(DigestEmail.ClinicianName)] = name,
                [nameof(DigestEmail.ClinicName)] = clinic.Name,
                [nameof(DigestEmail.Lines)] = lines,
                [nameof(DigestEmail.Definitions)] = Definitions,
            });
            await OutboxWriter.EnqueueAsync(db, new OutboxMessage
            {
                ClinicId = clinic.Id,
                Kind = Kind,
                ToAddress = clinician.Email,
                ToName = clinician.DisplayName,
                Subject = title,
                HtmlBody = html,
                TextBody = Text(name, clinic.Name, lines),
                DedupKey = DedupKey(clinician.Id, clinicToday),
            }, nowUtc, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return clinicians.Count;
        }
        catch (DbUpdateException ex) when (OutboxWriter.IsDuplicateKey(ex))
        {
            // Another run queued today's digests at the same moment: they exist, once.
            return 0;
        }
    }

    /// <summary>The clinic's patients on an active program who need a look; set-based, a few queries per clinic.</summary>
    private async Task<List<DigestLine>> LinesAsync(AppDbContext db, Guid clinicId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A job has no clinic scope: the filters would hide everything, so name the clinic instead.
        var programs = await (
                from p in db.Programs.IgnoreQueryFilters()
                join patient in db.Patients.IgnoreQueryFilters() on p.PatientId equals patient.Id
                join v in db.ProgramVersions.IgnoreQueryFilters() on new { p.Id, p.CurrentVersion } equals new { Id = v.ProgramId, CurrentVersion = v.Number }
                where p.ClinicId == clinicId && p.Status == ProgramStatus.Active
                orderby patient.Name
                select new { ProgramId = p.Id, ProgramName = p.Name, Patient = patient, v.TimesPerDay, v.Days, v.StartDate, v.EndDate })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (programs.Count == 0)
        {
            return [];
        }

        var ids = programs.Select(p => p.ProgramId).ToList();
        var lastLogged = await db.SessionLogs.IgnoreQueryFilters()
            .Where(s => ids.Contains(s.ProgramId))
            .GroupBy(s => s.ProgramId)
            .Select(g => new { ProgramId = g.Key, Last = g.Max(s => s.LocalDate) })
            .ToDictionaryAsync(g => g.ProgramId, g => g.Last, cancellationToken);
        var adherence = await AdherenceAsync(clinicId, cancellationToken);

        // Open flags first: they are why the digest exists. Most severe first within a patient.
        var flags = (await db.Flags.IgnoreQueryFilters()
                .Where(f => f.ClinicId == clinicId && f.Status == Core.Flags.FlagStatus.Open)
                .Select(f => new { f.PatientId, f.Severity, f.Summary, f.CreatedAt })
                .ToListAsync(cancellationToken))
            .OrderByDescending(f => f.Severity).ThenByDescending(f => f.CreatedAt)
            .ToLookup(f => f.PatientId, f => $"Open flag ({f.Severity.ToString().ToLowerInvariant()}): {f.Summary}");

        var lines = new List<DigestLine>();
        foreach (var program in programs)
        {
            var patient = program.Patient;
            var today = PatientTime.Today(now, patient.TimeZone);
            var reasons = flags[patient.Id].ToList();
            // Before its first day a plan can only be listed for its flags: nothing could have been logged.
            if (program.StartDate < today)
            {
                var silent = DigestRules.DaysSilent(today, program.StartDate, lastLogged.TryGetValue(program.ProgramId, out var last) ? last : null);
                if (silent >= DigestRules.SilentDays)
                {
                    reasons.Add($"No session for {silent} days");
                }

                if (adherence.GetValueOrDefault(patient.Id) is { } percent && percent < DigestRules.LowAdherence * 100)
                {
                    reasons.Add(string.Create(CultureInfo.InvariantCulture, $"Low adherence: {percent:0}% over the last 7 days"));
                }

                // Silence or low adherence reads differently when the patient stopped the reminders.
                if (reasons.Count > 0 && ReminderSummary.AreQuiet(patient, today))
                {
                    reasons.Add($"Reminder emails: {ReminderSummary.ForPatient(patient, today)}");
                }

                if (patient.UserId is null)
                {
                    reasons.Add("Has not signed in yet");
                }
            }

            if (reasons.Count > 0)
            {
                lines.Add(new DigestLine(patient.Id, patient.Name, program.ProgramName, reasons, app.Value.Link($"review/patients/{patient.Id}")));
            }
        }

        // Flags of patients with no active program (paused or ended) still need a clinician.
        var listed = lines.Select(l => l.PatientId).ToHashSet();
        var others = flags.Select(g => g.Key).Where(id => !listed.Contains(id)).ToList();
        if (others.Count > 0)
        {
            var names = await db.Patients.IgnoreQueryFilters().Where(p => others.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
            lines.AddRange(others.Where(names.ContainsKey).Select(id =>
                new DigestLine(id, names[id], "no active program", flags[id].ToList(), app.Value.Link($"review/patients/{id}"))));
        }

        return lines;
    }

    /// <summary>Each patient's 7-day adherence as "My patients" computes it, in the clinic's scope (a job has none).</summary>
    private async Task<Dictionary<Guid, double?>> AdherenceAsync(Guid clinicId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClinicScope>().Enter(clinicId);
        var (rows, _) = await scope.ServiceProvider.GetRequiredService<ReviewService>()
            .MyPatientsAsync(new MyPatientsQuery(PageSize: int.MaxValue), cancellationToken);
        return rows.ToDictionary(r => r.PatientId, r => r.Adherence7);
    }

    private string Text(string name, string clinicName, List<DigestLine> lines)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Hello {name}, these patients of {clinicName} may need a look today.\n");
        foreach (var line in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{line.PatientName} · {line.ProgramName}\n");
            foreach (var reason in line.Reasons)
            {
                text.Append(CultureInfo.InvariantCulture, $"  - {reason}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"  {line.Link}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{Definitions}\n");
        return text.ToString();
    }
}
