using System.Net;
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
