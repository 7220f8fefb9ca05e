using System.Net;
using Prescriber.Core.Clinics;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>The outbox page and the Hangfire dashboard are for admins only.</summary>
public abstract class AdminAccessTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/admin/outbox")]
    public async Task An_admin_gets_the_page(string path)
    {
        var (_, email) = await App.CreateClinicUserAsync(Roles.Admin);
        var admin = await App.SignedInClientAsync(email);

        var response = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(path == "/hangfire" ? "Prescriber jobs" : "Outbox", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outbox_page_says_where_pickup_files_go_when_no_smtp_host_is_set()
    {
        var (_, email) = await App.CreateClinicUserAsync(Roles.Admin);
        var admin = await App.SignedInClientAsync(email);

        var html = await admin.GetStringAsync("/admin/outbox");

        // These apps have no Smtp:Host: the embedded default.
        Assert.Contains("mail-pickup", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinician_is_refused()
    {
        var (_, email) = await App.CreateClinicUserAsync(Roles.Clinician);
        var clinician = await App.SignedInClientAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/hangfire")).StatusCode);
        // Pages answer a wrong role the way every page of the app does: with the access-denied page.
        var page = await clinician.GetAsync("/admin/outbox");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("Account/AccessDenied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_is_refused()
    {
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        var page = await anonymous.GetAsync("/admin/outbox");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("Account/Login", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}

public sealed class AdminAccessTestsOnSqlite(SqliteApp app) : AdminAccessTests<SqliteApp>(app);

public sealed class AdminAccessTestsOnPostgres(PostgresApp app) : AdminAccessTests<PostgresApp>(app);
