using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Prescriber.Core.Flags;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Safety;
using Prescriber.Data;
using Prescriber.Web.Features.Patients;
using Prescriber.Web.Features.Programs;
using Prescriber.Web.Features.Sessions;
using Prescriber.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Prescriber.Web.Tests.Browser;

/// <summary>The patient on a phone: open the link, log a session with a skip and worrying pain, answer the checklist.</summary>
public sealed partial class TodayBrowserTests(TodayBrowserTests.MailingApp app) : IClassFixture<TodayBrowserTests.MailingApp>
{
    /// <summary>On a real port, sending mail to the real SMTP server of tests/run.sh.</summary>
    public sealed class MailingApp : KestrelApp
    {
        protected override Dictionary<string, string?> Settings { get; } = Notifications.MailSettings.Smtp();
    }

    [GeneratedRegex(@"https?://\S+/today/[A-Za-z0-9_-]+")]
    private static partial Regex TodayLink();

    [Fact]
    public async Task A_patient_on_a_phone_logs_a_painful_session_and_the_clinician_gets_the_flag()
    {
        var link = await AssignAndLinkAsync();
        await using var browser = await BrowserSession.StartAsync();
        var phone = await browser.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
        });
        var page = await phone.NewPageAsync();

        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upper back, week 1", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSession.ScreenshotAsync(page, "today-phone.png");

        var exercises = page.GetByTestId("today-exercise");
        await Expect(exercises).ToHaveCountAsync(2);
        var first = exercises.Nth(0);
        // The follow-up questions appear only with the answer they follow.
        await Expect(first.GetByLabel("If skipped, why?")).ToBeHiddenAsync();
        await Expect(first.GetByLabel("If partly: sets done")).ToBeHiddenAsync();
        await first.GetByLabel("Skipped", new() { Exact = true }).CheckAsync();
        await Expect(first.GetByLabel("If skipped, why?")).ToBeVisibleAsync();
        await Expect(first.GetByLabel("If partly: sets done")).ToBeHiddenAsync();
        await first.GetByLabel("If skipped, why?").SelectOptionAsync(new SelectOptionValue { Label = "It hurt" });
        await page.GetByLabel("Pain before you start (0 = none, 10 = worst)").SelectOptionAsync("3");
        await page.GetByLabel("Pain after (0 = none, 10 = worst)").SelectOptionAsync("7");
        await page.GetByLabel("How hard was it? (0 = very easy, 10 = as hard as it gets)").SelectOptionAsync("6");
        await page.GetByLabel("Anything to tell your clinician? (optional)").FillAsync("sharp pain spreading into my left arm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my session" }).TapAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "A few quick questions" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var questions = page.Locator("fieldset.today-question");
        await Expect(questions).ToHaveCountAsync(10);
        for (var i = 0; i < 10; i++)
        {
            // Yes to the first question (pain into the arm or jaw), no to the rest.
            await questions.Nth(i).GetByLabel(i == 0 ? "Yes" : "No", new() { Exact = true }).CheckAsync();
        }

        await BrowserSession.ScreenshotAsync(page, "today-checklist.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).TapAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("call emergency services");
        await BrowserSession.ScreenshotAsync(page, "today-emergency.png");
        var flags = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Flags.IgnoreQueryFilters()
            .Where(f => f.PatientId == _patientId).ToListAsync());
        Assert.Contains(flags, f => f.Kind == FlagKind.RedFlagAnswer && f.Severity == ScreeningTier.Emergency);
        Assert.Contains(flags, f => f.Kind == FlagKind.RedFlagWords && f.Summary.Contains("left arm", StringComparison.Ordinal));

        // The page after the checklist names the stored session's own day and how much was done.
        var session = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SessionLogs.IgnoreQueryFilters().SingleAsync(s => s.PatientId == _patientId));
        await Expect(page.GetByText($"Your session for {session.LocalDate.ToString("dddd d MMMM", CultureInfo.InvariantCulture)} is recorded ({SessionText.Of(session.Status)})."))
            .ToBeVisibleAsync();
    }

    private Guid _patientId;

    /// <summary>A clinician assigns a program; the patient's link is read from the plan email the SMTP server received.</summary>
    private async Task<string> AssignAndLinkAsync()
    {
        TestServices.Need(TestServices.SmtpAvailable, "SMTP server (PRESCRIBER_TEST_SMTP_HOST/PORT/MAILDIR)");
        var (clinicId, _) = await app.CreateClinicUserAsync();
        var address = $"hedy-{Guid.NewGuid():N}"[..20];
        await app.InScopeAsync(async sp =>
        {
            var patients = sp.GetRequiredService<PatientService>();
            var patient = (await patients.CreateAsync(new PatientDraft { Name = "Hedy Lamarr", Email = $"{address}@example.org", TimeZone = "Europe/London" })).Value!;
            _patientId = patient.Id;
            var library = await sp.GetRequiredService<Features.Library.ExerciseService>().SearchAsync(new());
            var draft = new ProgramDraft
            {
                Name = "Upper back, week 1",
                StartDate = PatientTime.Today(DateTimeOffset.UtcNow, patient.TimeZone),
                Exercises = [.. new[] { "prone-t-raise", "bird-dog" }.Select(slug => PrescriptionDraft.From(library.Single(e => e.Slug == slug)))],
            };
            await sp.GetRequiredService<ProgramService>().AssignAsync(patient.Id, draft);
        }, clinicId);
        await app.InScopeAsync(sp => sp.GetRequiredService<Features.Notifications.OutboxDispatchJob>().RunAsync(CancellationToken.None));
        var plan = Assert.Single(Notifications.Mailbox.To(address));
        return TodayLink().Match(plan.TextBody ?? "").Value;
    }
}
