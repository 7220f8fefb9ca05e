using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Prescriber.Core.Clinics;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Account;

/// <summary>A production-like installation with no administrator: the one-time link is the only way in.</summary>
public sealed partial class FirstAdminTests(FirstAdminTests.NewInstallation app) : IClassFixture<FirstAdminTests.NewInstallation>
{
    public sealed class NewInstallation : SqliteApp;

    [GeneratedRegex(@"/setup/([A-Za-z0-9_-]+)")]
    private static partial Regex SetupLink();

    [Fact]
    public async Task The_printed_setup_link_creates_the_first_admin_once()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var line = Assert.Single(app.Logs.Lines, l => l.Contains("No administrator exists yet", StringComparison.Ordinal));
        var path = "/setup/" + SetupLink().Match(line).Groups[1].Value;

        var bogus = await client.GetStringAsync("/setup/not-a-real-token");
        Assert.Contains("not valid", bogus, StringComparison.Ordinal);

        var weak = await PostAsync(client, path, "short");
        Assert.Contains("at least 10 characters", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await PostAsync(client, path, "A-strong-password-7");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/library/exercises")).StatusCode);

        var again = await client.GetStringAsync(path);
        Assert.Contains("not valid", again, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string password)
    {
        var token = await SignIn.AntiforgeryTokenAsync(client, path);
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "setup",
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "First Admin",
            ["Input.Email"] = $"first-admin-{Guid.NewGuid():N}@clinic.test",
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        }));
    }

    [Fact]
    public async Task Start_up_creates_the_three_roles()
    {
        var roles = await app.InScopeAsync(sp => Task.FromResult(
            sp.GetRequiredService<RoleManager<IdentityRole>>().Roles.Select(r => r.Name!).Order().ToList()));

        Assert.Equal(Roles.All.Order(), roles);
    }
}
