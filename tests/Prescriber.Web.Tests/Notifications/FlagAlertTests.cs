using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Core.Sessions;
using Prescriber.Data;
using Prescriber.Web.Features.Review;
using Prescriber.Web.Features.Sessions;
using Prescriber.Web.Tests.Infrastructure;
using Prescriber.Web.Tests.Sessions;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>Urgent and emergency flags of a patient's session reach the clinic's clinicians by email at once.</summary>
public abstract class FlagAlertTests<TApp>(TApp app) : MailTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task A_worrying_note_and_a_yes_on_the_checklist_email_every_clinician_of_the_clinic_once_per_flag()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var (_, colleague) = await App.CreateClinicUserAsync(clinicId: setup.Patient.ClinicId);
        var (_, stranger) = await App.CreateClinicUserAsync();

        var logged = await setup.PostAsync(setup.Submission(painBefore: 3, painAfter: 4, note: "sharp pain spreading into my left arm"));
        var receipt = (await logged.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json))!;
        await setup.ApiClient().PostAsJsonAsync($"/api/sessions/{receipt.Id}/screening", new { yes = new[] { 1 } }, LoggingSetup.Json);
        await DispatchAsync();
        await DispatchAsync();

        var received = Mailbox.To(colleague);
        Assert.Equal(["Emergency flag: a patient needs a look today", "Urgent flag: a patient needs a look today"], received.Select(m => m.Subject).Order());
        Assert.All(received, m =>
        {
            Assert.Contains(setup.Patient.Name, m.TextBody, StringComparison.Ordinal);
            Assert.Contains("/review/flags", m.TextBody, StringComparison.Ordinal);
            Assert.Contains(setup.Patient.Name, m.HtmlBody, StringComparison.Ordinal);
        });
        Assert.Contains(received, m => m.TextBody!.Contains("the note mentions", StringComparison.Ordinal));
        Assert.Contains(received, m => m.TextBody!.Contains("Answered yes to: 1.", StringComparison.Ordinal));
        Assert.Empty(Mailbox.To(stranger));
    }

    [Fact]
    public async Task Pain_at_the_critical_level_emails_the_clinicians_once_the_clinic_rules_have_run()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var (_, colleague) = await App.CreateClinicUserAsync(clinicId: setup.Patient.ClinicId);

        // The screening flag of pain 8 is a review, and nobody is emailed yet; the clinic's pain
        // rule then raises that same flag to urgent, which is news.
        await setup.PostAsync(setup.Submission(painBefore: 7, painAfter: 8, note: "felt fine"));
        Assert.Equal(Core.Safety.ScreeningTier.Review, Assert.Single(await setup.FlagsNowAsync()).Severity);
        var flag = Assert.Single(await setup.FlagsAsync());
        Assert.Equal(Core.Safety.ScreeningTier.Urgent, flag.Severity);
        Assert.Contains("Pain 8/10", flag.Summary, StringComparison.Ordinal);
        await DispatchAsync();

        var alert = Assert.Single(Mailbox.To(colleague));
        Assert.Equal("Urgent flag: a patient needs a look today", alert.Subject);
        Assert.Contains("Pain 8/10", alert.TextBody, StringComparison.Ordinal);
        Assert.Contains(setup.Patient.Name, alert.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_that_raises_only_a_review_flag_or_none_emails_nobody()
    {
        var setup = await LoggingSetup.CreateAsync(App);

        // A rise of 2 brings the checklist and a review flag; every answer "no" keeps it a review.
        var logged = await setup.PostAsync(setup.Submission(painBefore: 2, painAfter: 4, note: "felt fine"));
        var receipt = (await logged.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json))!;
        Assert.Equal(ScreeningState.Pending, receipt.Screening);
        await setup.ApiClient().PostAsJsonAsync($"/api/sessions/{receipt.Id}/screening", new { yes = Array.Empty<int>() }, LoggingSetup.Json);
        await setup.PostAsync(setup.Submission(painBefore: 2, painAfter: 2, note: "no chest pain today"));

        Assert.NotEmpty(await setup.FlagsAsync());
        var alerts = await App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboxMessages.IgnoreQueryFilters()
            .CountAsync(m => m.ClinicId == setup.Patient.ClinicId && m.Kind == FlagAlerts.Kind));
        Assert.Equal(0, alerts);
    }
}

public sealed class FlagAlertTestsOnSqlite(SqliteMailApp app) : FlagAlertTests<SqliteMailApp>(app);

public sealed class FlagAlertTestsOnPostgres(PostgresMailApp app) : FlagAlertTests<PostgresMailApp>(app);
