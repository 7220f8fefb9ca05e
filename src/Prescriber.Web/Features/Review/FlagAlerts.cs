using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prescriber.Core.Flags;
using Prescriber.Core.Notifications;
using Prescriber.Core.Safety;
using Prescriber.Data;
using Prescriber.Data.Notifications;
using Prescriber.Web.Features.Common;
using Prescriber.Web.Features.Notifications;

namespace Prescriber.Web.Features.Review;

/// <summary>
/// Emails the clinic's clinicians at once when a patient's session raises an urgent or emergency
/// flag: the patient has just read that their clinician is being alerted, and the morning digest
/// would be a day late. The emails are added to the caller's context, so they are stored with the
/// flag or not at all, and sent by the outbox like every other email (once per flag and clinician).
/// </summary>
public sealed class FlagAlerts(EmailRenderer renderer, IOptions<AppOptions> app, OutboxDispatchTrigger dispatch, TimeProvider time)
{
    public const string Kind = "flag.alert";

    /// <summary>Only what a patient's session raised, at urgent or above: silence and "too easy" wait for the digest.</summary>
    public static bool Warrants(Flag flag) => flag.SessionId is not null && flag.Severity >= ScreeningTier.Urgent;

    /// <summary>Adds one email per clinician of the flag's clinic; returns how many (0 when the flag does not warrant one).</summary>
    public async Task<int> AddAsync(AppDbContext db, Flag flag, string patientName, CancellationToken cancellationToken = default)
    {
        if (!Warrants(flag))
        {
            return 0;
        }

        var clinicians = await ClinicianAddress.OfClinicAsync(db, flag.ClinicId, cancellationToken);
        var clinic = await db.Clinics.IgnoreQueryFilters().Where(c => c.Id == flag.ClinicId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "your clinic";
        var tier = flag.Severity == ScreeningTier.Emergency ? "Emergency" : "Urgent";
        var title = $"{tier} flag: a patient needs a look today";
        var link = app.Value.Link("review/flags");
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var clinician in clinicians)
        {
            var name = clinician.Greeting;
            var html = await renderer.RenderAsync<FlagAlertEmail>(new Dictionary<string, object?>
            {
                [nameof(FlagAlertEmail.Title)] = title,
                [nameof(FlagAlertEmail.ClinicianName)] = name,
                [nameof(FlagAlertEmail.ClinicName)] = clinic,
                [nameof(FlagAlertEmail.PatientName)] = patientName,
                [nameof(FlagAlertEmail.Summary)] = flag.Summary,
                [nameof(FlagAlertEmail.Link)] = link,
            });
            OutboxWriter.Add(db, new OutboxMessage
            {
                ClinicId = flag.ClinicId,
                Kind = Kind,
                ToAddress = clinician.Email,
                ToName = clinician.DisplayName,
                Subject = title,
                HtmlBody = html,
                TextBody = $"Hello {name}, a patient of {clinic} needs a look today.\n\n{patientName}\n{flag.Summary}\n\nOpen the flags worklist: {link}\n\nYou get this email once for this flag; it stays open in the worklist until someone resolves it.\n",
                DedupKey = $"{Kind}:{flag.Id:N}:{clinician.Id}",
            }, now);
        }

        return clinicians.Count;
    }

    /// <summary>After the save: sends the alerts now rather than at the dispatcher's next round.</summary>
    public void SendSoon() => dispatch.DispatchSoon();
}
