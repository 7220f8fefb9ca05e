using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Prescriber.Core.Clinics;
using Prescriber.Web.Tests.Infrastructure;
using Prescriber.Web.Tests.Notifications;

namespace Prescriber.Web.Tests.Account;

/// <summary>An admin creates a clinic and a clinician; the clinician chooses a password from the emailed link and signs in.</summary>
public abstract partial class ClinicAdminTests<TApp>(TApp app) : MailTests<TApp>(app) where TApp : PrescriberApp
{
    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?code=[A-Za-z0-9_-]+")]
    private static partial Regex WelcomeLink();

    [Fact]
    public async Task An_admin_creates_a_clinic_and_a_clinician_who_sets_a_password_and_signs_in()
    {
        var (_, adminEmail) = await App.CreateClinicUserAsync(Roles.Admin);
        var admin = await App.SignedInClientAsync(adminEmail);
        var name = $"Riverside Physio {Token()}";

        var bad = await admin.PostAsJsonAsync("/api/admin/clinics", new { name = "", timeZone = "Moon/Base" });
        Assert.Equal(["name", "timeZone"], (await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Order());
        var created = await admin.PostAsJsonAsync("/api/admin/clinics", new { name, timeZone = "Europe/London" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clinicId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/admin/clinics", new { name, timeZone = "Europe/London" })).StatusCode);

        var clinicianEmail = $"{Token()}@example.org";
        var added = await admin.PostAsJsonAsync($"/api/admin/clinics/{clinicId}/clinicians", new { name = "Dr Ada", email = clinicianEmail });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/admin/clinics/{clinicId}/clinicians", new { name = "Again", email = clinicianEmail })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/admin/clinics/{Guid.NewGuid()}/clinicians", new { name = "X", email = "x@example.org" })).StatusCode);
        await DispatchAsync();

        var welcome = Assert.Single(Mailbox.To(clinicianEmail));
        Assert.Equal("Welcome to Prescriber", welcome.Subject);
        var link = new Uri(WelcomeLink().Match(welcome.TextBody ?? "").Value).PathAndQuery;
        var visitor = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var token = await SignIn.AntiforgeryTokenAsync(visitor, link);
        var code = Regex.Match(link, "code=([^&]+)").Groups[1].Value;
        var reset = await visitor.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "reset-password",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = clinicianEmail,
            ["Input.Password"] = "Chosen-password-42",
            ["Input.ConfirmPassword"] = "Chosen-password-42",
            ["Input.Code"] = code,
        }));
        Assert.True(reset.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)reset.StatusCode}");

        var clinician = await App.SignedInClientAsync(clinicianEmail, "Chosen-password-42");
        Assert.Equal(HttpStatusCode.OK, (await clinician.GetAsync("/api/patients")).StatusCode);
        var list = await admin.GetFromJsonAsync<JsonArray>("/api/admin/clinics");
        Assert.Contains(list!, c => (string)c!["name"]! == name && (int)c["clinicians"]! == 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/api/admin/clinics")).StatusCode);
    }
}

public sealed class ClinicAdminTestsOnSqlite(SqliteMailApp app) : ClinicAdminTests<SqliteMailApp>(app);

public sealed class ClinicAdminTestsOnPostgres(PostgresMailApp app) : ClinicAdminTests<PostgresMailApp>(app);
