using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Prescriber.Core.Patients;
using Prescriber.Web.Features.Patients;
using Prescriber.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Prescriber.Web.Tests.Browser;

/// <summary>The clinician's main tool in a real browser: build, adjust a dosage, reorder, assign, print.</summary>
public sealed class ProgramBuilderBrowserTests(LibraryBrowserTests.DevelopmentApp app) : IClassFixture<LibraryBrowserTests.DevelopmentApp>
{
    [Fact]
    public async Task A_clinician_builds_reorders_and_assigns_a_program_and_the_printout_follows_the_order()
    {
        var (clinicId, email) = await app.CreateClinicUserAsync();
        var patient = (await app.InScopeAsync(sp => sp.GetRequiredService<PatientService>().CreateAsync(
            new PatientDraft { Name = "Grace Hopper", Email = $"grace-{Guid.NewGuid():N}@example.org", TimeZone = "America/New_York" }), clinicId)).Value!;
        await using var browser = await BrowserSession.StartAsync();
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1366, Height = 1000 } });
        await BrowserSession.SignInAsync(page, email);
        await Expect(page.GetByText("Welcome, Test Clinician.")).ToBeVisibleAsync();

        await page.GotoAsync($"/patients/{patient.Id}/programs/new");
        var summary = page.GetByTestId("summary");
        await BrowserSession.LiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Thoracic extension over a chair" }).ClickAsync();
        await Expect(summary).ToContainTextAsync("1 exercise");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Prone T raise" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Bird dog" }).ClickAsync();
        await Expect(summary).ToContainTextAsync("3 exercises");

        var proneT = page.GetByTestId("item-1");
        await Expect(proneT.GetByTestId("item-name")).ToContainTextAsync("Prone T raise");

        // Two mistakes: one click shows both, beside their fields, and assigns nothing.
        await proneT.GetByLabel("Reps").FillAsync("500");
        await proneT.GetByLabel("Reps").BlurAsync();
        await page.GetByLabel("Reminder times, patient's local time (e.g. 07:30, 18:00)").FillAsync("25:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign to Grace Hopper" }).ClickAsync();
        await Expect(page.GetByText("'25:00' is not a time", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(proneT.GetByText("(was 500)", new() { Exact = false })).ToBeVisibleAsync();

        await proneT.GetByLabel("Reps").FillAsync("15");
        await proneT.GetByLabel("Reps").BlurAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move Bird dog up" }).ClickAsync();
        await Expect(page.GetByTestId("item-1").GetByTestId("item-name")).ToContainTextAsync("Bird dog");
        await page.GetByLabel("Reminder times, patient's local time (e.g. 07:30, 18:00)").FillAsync("07:30");
        await BrowserSession.ScreenshotAsync(page, "builder.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Assign to Grace Hopper" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Home exercise program", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-version")).ToContainTextAsync("15 times, hold 3 s");
        await BrowserSession.ScreenshotAsync(page, "program.png");
        var programUrl = page.Url;

        await page.GotoAsync(programUrl + "/print");
        var names = await page.GetByTestId("plan-exercise").Locator("h2").AllTextContentsAsync();
        Assert.Equal(["Thoracic extension over a chair", "Bird dog", "Prone T raise"], names);
        await Expect(page.GetByTestId("plan-exercise").Nth(2)).ToContainTextAsync("15 times, hold 3 s");
        await Expect(page.GetByText("Reminders at 07:30 (your time).")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "print.png");
    }
}
