using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Core.Notifications;
using Prescriber.Data;
using Prescriber.Web.Features.Account;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>Identity's emails go through the outbox and the real SMTP server, and their links work.</summary>
public abstract partial class AccountEmailTests<TApp>(TApp app) : MailTests<TApp>(app) where TApp : PrescriberApp
{
    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?code=[A-Za-z0-9_\-]+")]
    private static partial Regex ResetLink();

    [GeneratedRegex("<input[^>]*name=\"Input.Code\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex CodeField();

    [Fact]
    public async Task Forgot_password_emails_a_link_that_resets_the_password()
    {
        var (_, email) = await App.CreateClinicUserAsync();
        var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var asked = await client.PostAsync("/Account/ForgotPassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "forgot-password",
            ["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, "/Account/ForgotPassword"),
            ["Input.Email"] = email,
        }));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("ForgotPasswordConfirmation", asked.Headers.Location!.ToString(), StringComparison.Ordinal);

        var queued = await App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email));
        Assert.Equal(AccountEmailSender.PasswordResetKind, queued.Kind);
        Assert.Equal(OutboxStatus.Pending, queued.Status);
        await DispatchAsync();

        var received = Assert.Single(Mailbox.To(email));
        Assert.Equal("Reset your password", received.Subject);
        var link = new Uri(ResetLink().Match(received.TextBody ?? "").Value);
        Assert.Contains(WebUtility.HtmlEncode(link.ToString()), received.HtmlBody, StringComparison.Ordinal);

        var form = await client.GetStringAsync(link.PathAndQuery);
        var code = WebUtility.HtmlDecode(CodeField().Match(form).Groups[1].Value);
        var reset = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "reset-password",
            ["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, link.PathAndQuery),
            ["Input.Email"] = email,
            ["Input.Password"] = "A-brand-new-password-9",
            ["Input.ConfirmPassword"] = "A-brand-new-password-9",
            ["Input.Code"] = code,
        }));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("ResetPasswordConfirmation", reset.Headers.Location!.ToString(), StringComparison.Ordinal);

        await App.SignedInClientAsync(email, "A-brand-new-password-9");
        var old = await SignIn.PostAsync(App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }), email, PrescriberApp.Password);
        Assert.Contains("Invalid login attempt", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class AccountEmailTestsOnSqlite(SqliteMailApp app) : AccountEmailTests<SqliteMailApp>(app);

public sealed class AccountEmailTestsOnPostgres(PostgresMailApp app) : AccountEmailTests<PostgresMailApp>(app);
