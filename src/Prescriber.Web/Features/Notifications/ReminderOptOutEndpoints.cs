using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Prescriber.Data;
using Prescriber.Web.Features.Patients;

namespace Prescriber.Web.Features.Notifications;

/// <summary>
/// One-click opt-out from reminders (RFC 8058): the mail client POSTs "List-Unsubscribe=One-Click"
/// to the List-Unsubscribe URL with no cookies and no form token, so the POST is anonymous and
/// takes no antiforgery token; the signed, single-purpose token in the path is the authority.
/// </summary>
public static class ReminderOptOutEndpoints
{
    public const string Path = "/reminders/off/{token}";

    public static IEndpointRouteBuilder MapReminderOptOut(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (string token, PatientLinks links) =>
        {
            var link = links.Read(PatientLinkPurpose.OptOut, token);
            return link is null
                ? Page(OptOutState.Invalid, token, StatusCodes.Status404NotFound)
                : Page(OptOutState.Ask, token, StatusCodes.Status200OK);
        }).AllowAnonymous();

        app.MapPost(Path, async Task<IResult> (string token, HttpRequest request, PatientLinks links, IDbContextFactory<AppDbContext> contexts, TimeProvider time, CancellationToken ct) =>
        {
            var link = links.Read(PatientLinkPurpose.OptOut, token);
            var browser = request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
            if (link is null)
            {
                return browser ? Page(OptOutState.Invalid, token, StatusCodes.Status400BadRequest) : TypedResults.BadRequest("This opt-out link is not valid or has expired.");
            }

            await using var db = await contexts.CreateDbContextAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            // No one is signed in, so there is no clinic scope and the clinic filter would hide
            // every patient: the signed token names exactly one patient, and that is the only row
            // touched. Already off keeps its first date.
            await db.Patients.IgnoreQueryFilters()
                .Where(p => p.Id == link.PatientId && !p.RemindersOff)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.RemindersOff, true).SetProperty(p => p.RemindersOffAt, now), ct);
            return browser ? Page(OptOutState.Done, token, StatusCodes.Status200OK) : TypedResults.Text("Reminder emails are off.");
        }).AllowAnonymous().DisableAntiforgery();

        return app;
    }

    private static RazorComponentResult<ReminderOptOutView> Page(OptOutState state, string token, int status) =>
        new(new Dictionary<string, object?>
        {
            [nameof(ReminderOptOutView.State)] = state,
            [nameof(ReminderOptOutView.Action)] = "/reminders/off/" + Uri.EscapeDataString(token),
        })
        { StatusCode = status };
}
