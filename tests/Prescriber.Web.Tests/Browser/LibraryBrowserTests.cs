using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Prescriber.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Prescriber.Web.Tests.Browser;

/// <summary>
/// The first look a new user gets: the app in Development on a real port, the demo sign-in read
/// from the console output, and the library in a real browser.
/// </summary>
public sealed partial class LibraryBrowserTests(LibraryBrowserTests.DevelopmentApp app) : IClassFixture<LibraryBrowserTests.DevelopmentApp>
{
    public sealed class DevelopmentApp : KestrelApp
    {
        protected override string EnvironmentName => "Development";
    }

    [GeneratedRegex(@"clinician: (\S+) / (\S+)")]
    private static partial Regex DemoClinician();

    [Fact]
    public async Task The_demo_clinician_signs_in_and_browses_the_library()
    {
        await using var browser = await BrowserSession.StartAsync();
        var demo = DemoClinician().Match(Assert.Single(app.Logs.Lines, l => l.Contains("Demo sign-in", StringComparison.Ordinal)));
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });

        await BrowserSession.SignInAsync(page, demo.Groups[1].Value, demo.Groups[2].Value);
        await Expect(page.GetByText("Welcome, Sam Rivera, PT.")).ToBeVisibleAsync();

        await page.GotoAsync("/library");
        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("7 exercises");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bird dog" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "library.png");

        await BrowserSession.LiveAsync(page);
        var count = page.GetByTestId("result-count");
        await page.GetByLabel("Search").PressSequentiallyAsync("snow");
        await Expect(count).ToHaveTextAsync("1 exercise");

        await page.GetByRole(AriaRole.Link, new() { Name = "Floor snow angels" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Floor snow angels", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Legs straight", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dosage")).ToHaveTextAsync("2 x 10 times");
        await BrowserSession.ScreenshotAsync(page, "exercise.png");
    }

    [Fact]
    public async Task The_demo_clinic_has_four_patients_with_three_weeks_of_logs_a_pain_flag_and_a_silence_flag()
    {
        var counts = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.AppDbContext>();
            var clinic = await db.Clinics.SingleAsync(c => c.Name == "Demo Clinic");
            return (
                Patients: await db.Patients.IgnoreQueryFilters().CountAsync(p => p.ClinicId == clinic.Id),
                Sessions: await db.SessionLogs.IgnoreQueryFilters().CountAsync(s => s.ClinicId == clinic.Id),
                Flags: await db.Flags.IgnoreQueryFilters().Where(f => f.ClinicId == clinic.Id)
                    .Join(db.Patients.IgnoreQueryFilters(), f => f.PatientId, p => p.Id, (f, p) => new { f.Kind, p.Name })
                    .ToListAsync());
        });

        Assert.Equal(4, counts.Patients);
        Assert.InRange(counts.Sessions, 50, 84);
        // Tom's climbing pain, and Aisha gone quiet for five days (raised at start, not at the job's next hour).
        Assert.Equal(2, counts.Flags.Count);
        Assert.Contains(counts.Flags, f => f.Kind == Core.Flags.FlagKind.Silence && f.Name == "Aisha Khan");
    }

    [Fact]
    public async Task A_clinician_adds_a_custom_exercise_and_sees_range_errors_beside_the_fields()
    {
        await using var browser = await BrowserSession.StartAsync();
        var (_, email) = await app.CreateClinicUserAsync();
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = app.BaseUrl });
        await BrowserSession.SignInAsync(page, email);
        await Expect(page.GetByText("Welcome, Test Clinician.")).ToBeVisibleAsync();

        await page.GotoAsync("/library/new");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save" });
        var errors = page.GetByTestId("form-errors");
        await BrowserSession.LiveAsync(page);
        await save.ClickAsync();
        await Expect(errors).ToBeVisibleAsync();
        await Expect(page.GetByText("Is required").First).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Doorway pec stretch");
        await page.GetByLabel("Body region").FillAsync("Chest and shoulders");
        await page.GetByLabel("Steps (one per line)").FillAsync("Stand in a doorway.\nRest your forearms on the frame.\nStep through gently.");
        await page.GetByLabel("Equipment (one per line: name: home substitute; another)").FillAsync("Doorway: a corner of a room");
        await page.GetByLabel("Sets", new() { Exact = true }).FillAsync("25");
        await page.GetByLabel("Hold (s)").FillAsync("30");
        await save.ClickAsync();
        await Expect(page.GetByText("Must be between 1 and 20 (was 25)")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "custom-exercise-errors.png");

        await page.GetByLabel("Sets", new() { Exact = true }).FillAsync("2");
        await save.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Doorway pec stretch", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dosage")).ToHaveTextAsync("2 x 10 times, hold 30 s");
        await Expect(page.GetByText("At home instead: a corner of a room")).ToBeVisibleAsync();
    }
}
