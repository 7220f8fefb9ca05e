using Microsoft.Playwright;
using Prescriber.Core.Clinics;
using Prescriber.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Prescriber.Web.Tests.Browser;

/// <summary>
/// Every signed-in page on a 390-pixel phone: nothing runs off the right edge (the menu wraps onto
/// a second line), so the sign-out button and the last menu item can be reached without scrolling sideways.
/// </summary>
public sealed class PhoneLayoutBrowserTests(KestrelApp app) : IClassFixture<KestrelApp>
{
    private const int PhoneWidth = 390;

    [Theory]
    [InlineData(Roles.Patient, new[] { "/today", "/plan", "/my/history", "/my/reminders" })]
    [InlineData(Roles.Clinician, new[] { "/patients", "/review", "/review/flags", "/library", "/templates" })]
    public async Task Signed_in_pages_fit_a_phone_screen(string role, string[] paths)
    {
        var (_, email) = await app.CreateClinicUserAsync(role);
        await using var browser = await BrowserSession.StartAsync();
        var phone = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new() { Width = PhoneWidth, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await phone.NewPageAsync();
        await BrowserSession.SignInAsync(page, email);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync(new() { Timeout = 15000 });

        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
            await Expect(signOut).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= PhoneWidth, $"{path} is {width} pixels wide on a {PhoneWidth}-pixel phone");
            // Read in one go: an interactive page may swap the prerendered button for a live one.
            var right = await page.EvaluateAsync<double>(
                "[...document.querySelectorAll('button')].find(b => b.textContent.trim().toLowerCase() === 'sign out').getBoundingClientRect().right");
            Assert.True(right <= PhoneWidth, $"{path}: the sign-out button ends at {right}");
        }
    }
}
