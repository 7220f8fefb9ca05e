using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
    public sealed class DevelopmentApp : SqliteApp
    {
        protected override string EnvironmentName => "Development";

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            UseKestrel(0);
            StartServer();
        }

        public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    [GeneratedRegex(@"clinician: (\S+) / (\S+)")]
    private static partial Regex DemoClinician();

    [Fact]
    public async Task The_demo_clinician_signs_in_and_browses_the_library()
    {
        await using var browser = await BrowserSession.StartAsync();
        var demo = DemoClinician().Match(Assert.Single(app.Logs.Lines, l => l.Contains("Demo sign-in", StringComparison.Ordinal)));
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(demo.Groups[1].Value);
        await page.GetByLabel("Password").FillAsync(demo.Groups[2].Value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Welcome, Sam Rivera, PT.")).ToBeVisibleAsync();

        await page.GotoAsync("/library");
        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("7 exercises");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bird dog" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "library.png");

        // The page prerenders before its circuit connects; typing before then is lost, so retype until it takes.
        var search = page.GetByLabel("Search");
        var count = page.GetByTestId("result-count");
        for (var attempt = 0; attempt < 10 && await count.TextContentAsync() != "1 exercise"; attempt++)
        {
            await search.FillAsync("");
            await search.PressSequentiallyAsync("snow");
            await page.WaitForTimeoutAsync(1000);
        }

        await Expect(count).ToHaveTextAsync("1 exercise");

        await page.GetByRole(AriaRole.Link, new() { Name = "Floor snow angels" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Floor snow angels", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Legs straight", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dosage")).ToHaveTextAsync("2 x 10 times");
        await BrowserSession.ScreenshotAsync(page, "exercise.png");
    }
}
