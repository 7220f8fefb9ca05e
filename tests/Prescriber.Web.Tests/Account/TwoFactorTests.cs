using System.Net;
using System.Net.Http.Json;
using Prescriber.Core.Clinics;
using System.Text.RegularExpressions;
using OtpNet;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Account;

/// <summary>A clinician turns on an authenticator (TOTP) and then needs its code to sign in.</summary>
public sealed partial class TwoFactorTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [GeneratedRegex("<kbd>([a-z0-9 ]+)</kbd>")]
    private static partial Regex SharedKey();

    [Fact]
    public async Task A_clinician_enables_an_authenticator_and_signs_in_with_its_code()
    {
        var (_, email) = await app.CreateClinicUserAsync();
        var client = await app.SignedInClientAsync(email);

        var setup = await client.GetStringAsync("/Account/Manage/EnableAuthenticator");
        Assert.Contains("<svg", setup, StringComparison.Ordinal);
        var key = SharedKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var enabled = await PostAsync(client, "/Account/Manage/EnableAuthenticator", "send-code", new() { ["Input.Code"] = totp.ComputeTotp() });
        Assert.Contains("recovery codes", await FollowAsync(client, enabled), StringComparison.OrdinalIgnoreCase);

        var fresh = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var password = await SignIn.PostAsync(fresh, email, PrescriberApp.Password);
        Assert.Contains("LoginWith2fa", password.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/api/patients")).StatusCode);

        var challenge = new Uri(fresh.BaseAddress!, password.Headers.Location!).PathAndQuery;
        var wrong = await PostAsync(fresh, challenge, "login-with-2fa", new() { ["Input.TwoFactorCode"] = "000000" });
        Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
        var right = await PostAsync(fresh, challenge, "login-with-2fa", new() { ["Input.TwoFactorCode"] = totp.ComputeTotp() });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/patients")).StatusCode);
    }

    [Fact]
    public async Task A_clinic_that_requires_two_factor_keeps_a_clinician_without_an_authenticator_at_setup()
    {
        var (clinicId, email) = await app.CreateClinicUserAsync();
        var (_, colleagueEmail) = await app.CreateClinicUserAsync(Roles.Clinician, clinicId);
        var (_, elsewhereEmail) = await app.CreateClinicUserAsync();
        var (_, adminEmail) = await app.CreateClinicUserAsync(Roles.Admin);
        var admin = await app.SignedInClientAsync(adminEmail);
        var client = await app.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients")).StatusCode);

        // Only an admin may set the requirement.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/admin/clinics/{clinicId}/two-factor", new { required = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/admin/clinics/{Guid.NewGuid()}/two-factor", new { required = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/clinics/{clinicId}/two-factor", new { required = true })).StatusCode);

        // From the next request on, the already signed-in clinician may only set up an authenticator.
        var page = await client.GetAsync("/patients");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Manage/EnableAuthenticator", page.Headers.Location!.ToString());
        var api = await client.GetAsync("/api/patients");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("two-factor", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var setup = await client.GetStringAsync("/Account/Manage/EnableAuthenticator");
        Assert.Contains("Your clinic requires two-factor sign-in", setup, StringComparison.Ordinal);

        // A colleague signing in afresh lands in the same place; another clinic is untouched.
        var colleague = await app.SignedInClientAsync(colleagueEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync("/api/patients")).StatusCode);
        Assert.Equal("/Account/Manage/EnableAuthenticator", (await colleague.GetAsync("/review")).Headers.Location?.ToString());
        var elsewhere = await app.SignedInClientAsync(elsewhereEmail);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/patients")).StatusCode);

        // Enrolling opens everything again, and the authenticator cannot then be turned off.
        var key = SharedKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await PostAsync(client, "/Account/Manage/EnableAuthenticator", "send-code", new() { ["Input.Code"] = totp.ComputeTotp() });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/patients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patients")).StatusCode);
        var disable = await PostAsync(client, "/Account/Manage/Disable2fa", "disable-2fa", []);
        Assert.Contains("cannot be turned off", await FollowAsync(client, disable), StringComparison.Ordinal);
        var stillOn = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Contains("LoginWith2fa", (await SignIn.PostAsync(stillOn, email, PrescriberApp.Password)).Headers.Location!.ToString(), StringComparison.Ordinal);

        // The admin sees the switch and the enrolment count.
        var clinics = await admin.GetFromJsonAsync<List<Features.Admin.ClinicSummary>>("/api/admin/clinics");
        var summary = Assert.Single(clinics!, c => c.Id == clinicId);
        Assert.True(summary.RequireTwoFactor);
        Assert.Equal((2, 1), (summary.Clinicians, summary.CliniciansWithTwoFactor));
    }

    private static async Task<string> FollowAsync(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? await client.GetStringAsync(new Uri(client.BaseAddress!, response.Headers.Location!))
            : await response.Content.ReadAsStringAsync();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, path);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
