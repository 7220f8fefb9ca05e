using System.Net;
using System.Text.RegularExpressions;
using Prescriber.Core.Clinics;
using Prescriber.Web.Tests.Infrastructure;
using Prescriber.Web.Tests.Notifications;

namespace Prescriber.Web.Tests.Account;

public abstract partial class EmailSignInTests<TApp>(TApp app) : MailTests<TApp>(app) where TApp : PrescriberApp
{
    [GeneratedRegex(@"https?://\S+/signin-link/[A-Za-z0-9_-]+")]
    private static partial Regex Link();

    [Fact]
    public async Task A_patient_signs_in_with_an_emailed_link_that_works_once()
    {
        var (clinicId, _) = await App.CreateClinicUserAsync();
        var (_, email) = await App.CreateClinicUserAsync(Roles.Patient, clinicId);
        var visitor = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var requested = await PostAsync(visitor, "/signin-link", "request-link", new() { ["Request.Email"] = email });
        Assert.Contains("is on its way", await requested.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await DispatchAsync();
        var message = Assert.Single(Mailbox.To(email.Split('@')[0]));
        var path = new Uri(Link().Match(message.TextBody ?? "").Value).PathAndQuery;

        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync("/api/library/exercises")).StatusCode);
        Assert.Contains("Sign in now", await visitor.GetStringAsync(path), StringComparison.Ordinal);
        var used = await PostAsync(visitor, path, "use-link", []);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.GetAsync("/api/library/exercises")).StatusCode);

        var stranger = App.CreateClient(new() { HandleCookies = true });
        Assert.Contains("does not work any more", await stranger.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_an_unknown_or_staff_address_answers_the_same_and_sends_nothing()
    {
        var (_, clinician) = await App.CreateClinicUserAsync();
        var unknown = $"{Token()}@example.org";
        var visitor = App.CreateClient(new() { HandleCookies = true });

        foreach (var email in new[] { unknown, clinician })
        {
            var response = await PostAsync(visitor, "/signin-link", "request-link", new() { ["Request.Email"] = email });
            Assert.Contains("is on its way", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await DispatchAsync();
        Assert.Empty(Mailbox.To(unknown));
        Assert.Empty(Mailbox.To(clinician.Split('@')[0]));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, path);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}

public sealed class EmailSignInTestsOnSqlite(SqliteMailApp app) : EmailSignInTests<SqliteMailApp>(app);

public sealed class EmailSignInTestsOnPostgres(PostgresMailApp app) : EmailSignInTests<PostgresMailApp>(app);
