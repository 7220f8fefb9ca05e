using Microsoft.Playwright;
using Prescriber.Core.Clinics;
using Prescriber.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Prescriber.Web.Tests.Browser;

/// <summary>Automatic logoff: a clinician left idle is signed out; a patient's page never signs them out.</summary>
public sealed class IdleSignOutBrowserTests(IdleSignOutBrowserTests.ImpatientApp app) : IClassFixture<IdleSignOutBrowserTests.ImpatientApp>
{
    /// <summary>Signs staff out after three idle seconds, so the test does not wait half an hour.</summary>
    public sealed class ImpatientApp : KestrelApp
    {
        protected override Dictionary<string, string?> Settings { get; } = new() { ["Security:IdleSignOutMinutes"] = "0.05" };
    }

    [Fact]
    public async Task An_idle_clinician_is_signed_out_and_a_patient_is_not()
    {
        var (clinicId, clinician) = await app.CreateClinicUserAsync();
        var (_, patient) = await app.CreateClinicUserAsync(Roles.Patient, clinicId);
        await using var browser = await BrowserSession.StartAsync();

        var staff = await SignInAsync(browser, clinician);
        await staff.GotoAsync("/library");
        await Expect(staff.GetByText("You were signed out after a while without activity")).ToBeVisibleAsync(new() { Timeout = 15000 });
        Assert.Contains("Account/Login", staff.Url, StringComparison.Ordinal);

        var person = await SignInAsync(browser, patient);
        await person.GotoAsync("/my/reminders");
        await person.WaitForTimeoutAsync(6000);
        Assert.Contains("/my/reminders", person.Url, StringComparison.Ordinal);
    }

    private async Task<IPage> SignInAsync(BrowserSession browser, string email)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, email);
        // A changed URL is not proof of a session; the layout's sign-out button is (a page requested
        // before then was, now and again under load, sent back to the login page).
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(new() { Timeout = 15000 });
        return page;
    }
}
