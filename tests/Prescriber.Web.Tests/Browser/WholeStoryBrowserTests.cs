using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using OtpNet;
using Prescriber.Web.Features.Jobs;
using Prescriber.Web.Tests.Infrastructure;
using Prescriber.Web.Tests.Notifications;
using static Microsoft.Playwright.Assertions;

namespace Prescriber.Web.Tests.Browser;

/// <summary>
/// The whole product in one story, in Chromium, on PostgreSQL, with a Hangfire server and the
/// real SMTP server of tests/run.sh: a fresh installation's administrator sets up a clinic that
/// requires two-factor sign-in; its clinician enrols, builds and assigns a program; the patient
/// logs from the emailed link on a phone; the next morning's reminder arrives; the clinician
/// reviews adherence, pain and the flag and adjusts the program; the patient gets what changed.
/// Every page visited passes axe (no serious or critical violations) and is photographed for
/// docs/user-guide.md.
/// </summary>
public sealed partial class WholeStoryBrowserTests(WholeStoryBrowserTests.StoryApp app) : IClassFixture<WholeStoryBrowserTests.StoryApp>
{
    /// <summary>A fresh installation: PostgreSQL, no administrator yet, jobs on, mail to the real SMTP server.</summary>
    public sealed class StoryApp : PostgresApp
    {
        public ShiftedClock Clock { get; } = new();

        protected override bool OnRealPort => true;

        protected override Dictionary<string, string?> Settings { get; } = new(MailSettings.Smtp()) { ["Jobs:Enabled"] = "true" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    [GeneratedRegex(@"/setup/[A-Za-z0-9_-]+")]
    private static partial Regex SetupLink();

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?code=[A-Za-z0-9_%-]+")]
    private static partial Regex PasswordLink();

    [GeneratedRegex(@"https?://\S+/today/[A-Za-z0-9_-]+")]
    private static partial Regex TodayLink();

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private readonly string _tag = Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_clinic_is_set_up_a_program_assigned_logged_reminded_reviewed_and_adjusted()
    {
        TestServices.Need(PostgresApp.Available, "PostgreSQL (PRESCRIBER_TEST_POSTGRES)");
        TestServices.Need(TestServices.SmtpAvailable, "SMTP server (PRESCRIBER_TEST_SMTP_HOST/PORT/MAILDIR)");
        await using var browser = await BrowserSession.StartAsync();
        var clinicianEmail = $"alex-{_tag}@clinic.test";
        var patientEmail = $"rosa-{_tag}@example.org";

        // 1. The administrator opens the one-time setup link the fresh installation printed.
        var admin = await DeskAsync(browser);
        var setupLine = await WaitForAsync(() => app.Logs.Lines.FirstOrDefault(l => SetupLink().IsMatch(l)), "the setup link in the log");
        await admin.GotoAsync(SetupLink().Match(setupLine).Value);
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Create the first administrator" })).ToBeVisibleAsync();
        await admin.GetByLabel("Your name").FillAsync("Jordan Lee");
        await admin.GetByLabel("Email").FillAsync($"jordan-{_tag}@clinic.test");
        await admin.GetByLabel("Password (at least 10 characters)").FillAsync(PrescriberApp.Password);
        await admin.GetByLabel("Password again").FillAsync(PrescriberApp.Password);
        await StepAsync(admin, "story-01-setup.png");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Expect(admin.GetByText("Welcome, Jordan Lee.")).ToBeVisibleAsync();

        // 2. ... creates the clinic, requires two-factor sign-in there, and adds a clinician.
        await admin.GotoAsync("/admin/clinics");
        await BrowserSession.LiveAsync(admin);
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Harbour Physio");
        await admin.GetByLabel("Time zone (IANA)").FillAsync("America/New_York");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create clinic" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Cell, new() { Name = "Harbour Physio", Exact = true })).ToBeVisibleAsync();
        await admin.GetByLabel("Require two-factor sign-in at Harbour Physio").CheckAsync();
        await Expect(admin.GetByText("Harbour Physio now requires two-factor sign-in", new() { Exact = false })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add clinician" }).ClickAsync();
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Harbour Physio" });
        await row.GetByLabel("Name", new() { Exact = true }).FillAsync("Alex Morgan, PT");
        await row.GetByLabel("Email").FillAsync(clinicianEmail);
        await row.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(admin.GetByText("Alex Morgan, PT added", new() { Exact = false })).ToBeVisibleAsync();
        await StepAsync(admin, "story-02-clinics.png");

        // 3. The clinician chooses a password from the welcome email, signs in, and must enrol an authenticator first.
        var welcome = await MailAsync(clinicianEmail, m => m.Subject == "Welcome to Prescriber");
        var clinician = await DeskAsync(browser);
        await clinician.GotoAsync(PasswordLink().Match(welcome.TextBody ?? "").Value);
        await clinician.GetByLabel("Email").FillAsync(clinicianEmail);
        await clinician.GetByLabel("Password", new() { Exact = true }).FillAsync(PrescriberApp.Password);
        await clinician.GetByLabel("Confirm password").FillAsync(PrescriberApp.Password);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Reset" }).ClickAsync();
        await BrowserSession.SignInAsync(clinician, clinicianEmail);
        await Expect(clinician).ToHaveURLAsync(new Regex("/Account/Manage/EnableAuthenticator$"));
        await Expect(clinician.GetByText("Your clinic requires two-factor sign-in")).ToBeVisibleAsync();
        await StepAsync(clinician, "story-03-two-factor.png");
        var key = (await clinician.Locator("kbd").First.TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await clinician.GetByLabel("Verification Code").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime));
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        var recoveryCode = (await clinician.Locator("code.recovery-code").First.TextContentAsync())!.Trim();

        // 4. ... adds the patient and builds the program from the upper-back library, changing one dosage.
        await clinician.GotoAsync("/patients/new");
        await BrowserSession.LiveAsync(clinician);
        await clinician.GetByLabel("Full name").FillAsync("Rosa Diaz");
        await clinician.GetByLabel("Email").FillAsync(patientEmail);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Create patient" }).ClickAsync();
        await Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = "Rosa Diaz", Level = 1 })).ToBeVisibleAsync();
        await StepAsync(clinician, "story-04-patient.png");
        await clinician.GetByRole(AriaRole.Link, new() { Name = "New program" }).ClickAsync();
        var summary = clinician.GetByTestId("summary");
        await BrowserSession.LiveAsync(clinician);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Add Prone T raise" }).ClickAsync();
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Add Bird dog" }).ClickAsync();
        await Expect(summary).ToContainTextAsync("2 exercises");
        await clinician.GetByLabel("Program name").FillAsync("Upper back, first weeks");
        await clinician.GetByLabel("Prone T raise reps").FillAsync("12");
        await clinician.GetByLabel("Prone T raise reps").BlurAsync();
        await clinician.GetByLabel("Reminder times, patient's local time (e.g. 07:30, 18:00)").FillAsync("07:30");
        await clinician.GetByLabel("Reminder times, patient's local time (e.g. 07:30, 18:00)").BlurAsync();
        await StepAsync(clinician, "story-05-builder.png");
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Assign to Rosa Diaz" }).ClickAsync();
        await Expect(clinician.GetByTestId("current-version")).ToContainTextAsync("12 times");
        await StepAsync(clinician, "story-06-program.png");

        // 5. The plan email reaches the SMTP server; the patient opens its link on a phone and logs.
        var plan = await MailAsync(patientEmail, m => m.Subject == "Your home exercise plan: Upper back, first weeks");
        Assert.Contains("12 times", plan.TextBody, StringComparison.Ordinal);
        Assert.Contains(plan.Attachments, a => a.ContentType.MimeType == "text/calendar");
        var phone = await PhoneAsync(browser);
        await phone.GotoAsync(TodayLink().Match(plan.TextBody ?? "").Value);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Upper back, first weeks", Level = 1 })).ToBeVisibleAsync();
        var exercises = phone.GetByTestId("today-exercise");
        await Expect(exercises).ToHaveCountAsync(2);
        await exercises.Nth(0).GetByLabel("Done", new() { Exact = true }).CheckAsync();
        await exercises.Nth(1).GetByLabel("Partly", new() { Exact = true }).CheckAsync();
        await exercises.Nth(1).GetByLabel("If partly: sets done").FillAsync("1");
        await exercises.Nth(1).GetByLabel("reps each").FillAsync("4");
        await phone.GetByLabel("Pain before you start (0 = none, 10 = worst)").SelectOptionAsync("2");
        await phone.GetByLabel("Pain after (0 = none, 10 = worst)").SelectOptionAsync("7");
        await phone.GetByLabel("How hard was it? (0 = very easy, 10 = as hard as it gets)").SelectOptionAsync("6");
        await phone.GetByLabel("Anything to tell your clinician? (optional)").FillAsync("Upper back felt tight after the T raises, eased after a hot shower.");
        await StepAsync(phone, "story-07-today.png");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save my session" }).TapAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "A few quick questions" })).ToBeVisibleAsync();
        var questions = phone.Locator("fieldset.today-question");
        for (var i = 0; i < await questions.CountAsync(); i++)
        {
            await questions.Nth(i).GetByLabel("No", new() { Exact = true }).CheckAsync();
        }

        await StepAsync(phone, "story-08-checklist.png");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).TapAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await StepAsync(phone, "story-09-saved.png");

        // 6. The next morning at 07:31 in New York the reminder job runs, and the reminder arrives.
        var remindersBefore = Mailbox.To(patientEmail).Count(IsReminder);
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), NewYork).DateTime).AddDays(1);
        var morning = tomorrow.ToDateTime(new TimeOnly(7, 31));
        app.Clock.JumpTo(new DateTimeOffset(morning, NewYork.GetUtcOffset(morning)));
        await app.InScopeAsync(sp =>
        {
            sp.GetRequiredService<IRecurringJobManager>().Trigger(RecurringJobs.Reminders);
            return Task.CompletedTask;
        });
        var reminder = await MailAsync(patientEmail, IsReminder, remindersBefore + 1);
        Assert.True(reminder.Headers.Contains("List-Unsubscribe"), "the reminder carries a one-click opt-out");
        await phone.GotoAsync(TodayLink().Match(reminder.TextBody ?? "").Value);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Upper back, first weeks", Level = 1 })).ToBeVisibleAsync();
        await StepAsync(phone, "story-10-reminder-today.png");

        // 7. The clinician's sign-in has expired overnight: password, then a recovery code instead of the phone.
        await clinician.GotoAsync("/review");
        await Expect(clinician).ToHaveURLAsync(new Regex("/Account/Login"));
        await BrowserSession.SignInAsync(clinician, clinicianEmail);
        await Expect(clinician).ToHaveURLAsync(new Regex("/Account/LoginWith2fa"));
        await clinician.GetByRole(AriaRole.Link, new() { Name = "log in with a recovery code" }).ClickAsync();
        await clinician.GetByLabel("Recovery Code").FillAsync(recoveryCode);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(clinician.GetByText("Welcome, Alex Morgan, PT.")).ToBeVisibleAsync();
        await clinician.GotoAsync("/review");
        await Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = "My patients" })).ToBeVisibleAsync();
        await Expect(clinician.GetByRole(AriaRole.Link, new() { Name = "Rosa Diaz" })).ToBeVisibleAsync();
        await StepAsync(clinician, "story-11-my-patients.png");

        // 8. ... sees the flag in the worklist, then adherence, the pain chart and the note on the review page.
        await clinician.GotoAsync("/review/flags");
        var worklist = clinician.GetByTestId("worklist");
        await Expect(worklist).ToContainTextAsync("Rosa Diaz");
        await Expect(worklist).ToContainTextAsync("Pain 7/10");
        await StepAsync(clinician, "story-12-flags.png");
        await worklist.GetByRole(AriaRole.Link, new() { Name = "Rosa Diaz" }).First.ClickAsync();
        await Expect(clinician.GetByRole(AriaRole.Heading, new() { Name = "Rosa Diaz", Level = 1 })).ToBeVisibleAsync();
        // Yesterday was prescribed and partly done (half the bird dog); today is not over yet.
        await Expect(clinician.GetByTestId("figures")).ToContainTextAsync("0 completed, 1 partial, 0 skipped, 0 missed of 1 prescribed");
        await Expect(clinician.GetByTestId("notes")).ToContainTextAsync("eased after a hot shower");
        await Expect(clinician.Locator(".mud-chart svg").First).ToBeVisibleAsync();
        await Expect(clinician.GetByTestId("latest-pain")).ToContainTextAsync("before 2, after 7");
        await StepAsync(clinician, "story-13-review.png");

        // 9. ... adjusts the program: fewer reps while the pain settles, in a new version.
        await clinician.GetByTestId("adjust").ClickAsync();
        await BrowserSession.LiveAsync(clinician);
        await clinician.GetByLabel("Prone T raise reps").FillAsync("8");
        await clinician.GetByLabel("Prone T raise reps").BlurAsync();
        await clinician.GetByLabel("What changed and why (the patient sees this)").FillAsync("Fewer T raises until the tightness settles.");
        await clinician.GetByLabel("What changed and why (the patient sees this)").BlurAsync();
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Save as version 2" }).ClickAsync();
        await Expect(clinician.GetByTestId("current-version")).ToContainTextAsync("8 times");
        await StepAsync(clinician, "story-14-adjusted.png");

        // 10. The patient receives version 2 with what changed.
        var changed = await MailAsync(patientEmail, m => m.Subject == "Your plan has changed: Upper back, first weeks");
        Assert.Contains("What changed", changed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Fewer T raises until the tightness settles.", changed.TextBody, StringComparison.Ordinal);
        Assert.Contains("8 times", changed.TextBody, StringComparison.Ordinal);
        Assert.Equal(remindersBefore + 1, Mailbox.To(patientEmail).Count(IsReminder));
    }

    private static bool IsReminder(MimeMessage message) => message.Subject?.StartsWith("Time for your exercises", StringComparison.Ordinal) == true;

    private async Task<IPage> DeskAsync(BrowserSession browser) =>
        await browser.Browser.NewPageAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });

    private async Task<IPage> PhoneAsync(BrowserSession browser)
    {
        var phone = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
        });
        return await phone.NewPageAsync();
    }

    /// <summary>Each step: the page passes axe, and its picture goes to the user guide.</summary>
    private static async Task StepAsync(IPage page, string screenshot)
    {
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await BrowserSession.ScreenshotAsync(page, screenshot);
    }

    /// <summary>Waits for the count-th message to the address that matches (Hangfire polls its queue every few seconds).</summary>
    private static async Task<MimeMessage> MailAsync(string address, Func<MimeMessage, bool> match, int count = 1)
    {
        var found = await WaitForAsync(
            () => Mailbox.To(address).Where(match).OrderBy(m => m.Date).Skip(count - 1).FirstOrDefault(),
            $"message {count} to {address}");
        return found;
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Waited 90 s for {what}.");
    }
}
