using Microsoft.Playwright;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright: no browser download, flags that keep it off the network.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static async Task<BrowserSession> StartAsync()
    {
        TestServices.Need(File.Exists(TestServices.Chromium), $"Chromium ({TestServices.Chromium})");
        var session = new BrowserSession { _playwright = await Playwright.CreateAsync() };
        session.Browser = await session._playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = TestServices.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return session;
    }

    /// <summary>Where screenshots go: the test output, and docs/screenshots when PRESCRIBER_SCREENSHOTS names it.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("PRESCRIBER_SCREENSHOTS") is { Length: > 0 } wanted
            ? wanted
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }

    /// <summary>Signs in on the login page; the caller checks where that leads.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = PrescriberApp.Password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Interactive pages are prerendered, and input before their circuit connects is lost; the
    /// layout marks the document once the page is live.
    /// </summary>
    public static Task LiveAsync(IPage page) =>
        page.Locator("html[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15000 });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
