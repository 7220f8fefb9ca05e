using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Notifications;
using Prescriber.Data;
using Prescriber.Data.Identity;
using Prescriber.Data.Notifications;
using Prescriber.Web.Features.Notifications;

namespace Prescriber.Web.Features.Account;

/// <summary>
/// Identity's account emails (confirmation, password reset), queued in the outbox like every
/// other email, so they survive a mail server that is down and show on the admin outbox page.
/// </summary>
public sealed class AccountEmailSender(
    IDbContextFactory<AppDbContext> contexts,
    EmailRenderer renderer,
    OutboxDispatchTrigger trigger,
    TimeProvider time) : IEmailSender<AppUser>
{
    public const string ConfirmationKind = "account.confirm-email";

    public const string PasswordResetKind = "account.password-reset";

    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        QueueAsync(user, email, ConfirmationKind, new AccountLink(
            "Confirm your email",
            "Please confirm the email address of your Prescriber account.",
            "Confirm my email",
            Decode(confirmationLink)));

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        QueueAsync(user, email, PasswordResetKind, new AccountLink(
            "Reset your password",
            "Someone (we hope you) asked to reset the password of your Prescriber account. The link works once and expires in a day.",
            "Choose a new password",
            Decode(resetLink)));

    public const string WelcomeKind = "account.welcome";

    /// <summary>A new clinician's first email: choose a password (a one-use reset link underneath).</summary>
    public Task SendWelcomeLinkAsync(AppUser user, string email, string setPasswordLink) =>
        QueueAsync(user, email, WelcomeKind, new AccountLink(
            "Welcome to Prescriber",
            "Your administrator has added you to Prescriber. Choose a password to sign in; the link works once and expires in a day.",
            "Choose my password",
            setPasswordLink));

    /// <summary>Not used by the pages (they send links); kept working because the interface asks for it.</summary>
    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        QueueTextAsync(user, email, PasswordResetKind, "Reset your password", $"Your password reset code is: {resetCode}");

    private async Task QueueAsync(AppUser user, string email, string kind, AccountLink link)
    {
        var html = await renderer.RenderAsync<AccountLinkEmail>(new Dictionary<string, object?>
        {
            [nameof(AccountLinkEmail.Title)] = link.Title,
            [nameof(AccountLinkEmail.Name)] = NameOf(user),
            [nameof(AccountLinkEmail.Intro)] = link.Intro,
            [nameof(AccountLinkEmail.Action)] = link.Action,
            [nameof(AccountLinkEmail.Link)] = link.Url,
        });
        var text = $"Hello {NameOf(user)},\n\n{link.Intro}\n\n{link.Action}:\n{link.Url}\n\nIf you did not ask for this, ignore this email.\n";
        await SaveAsync(user, email, kind, link.Title, html, text);
    }

    private async Task QueueTextAsync(AppUser user, string email, string kind, string subject, string text)
    {
        var html = $"<p>{WebUtility.HtmlEncode(text)}</p>";
        await SaveAsync(user, email, kind, subject, html, text);
    }

    private async Task SaveAsync(AppUser user, string email, string kind, string subject, string html, string text)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await OutboxWriter.EnqueueAndSaveAsync(db, new OutboxMessage
        {
            Kind = kind,
            ToAddress = email,
            ToName = user.DisplayName,
            Subject = subject,
            HtmlBody = html,
            TextBody = text,
            // Every request is a new email (a new link): the key only has to be unique.
            DedupKey = $"{kind}:{user.Id}:{Guid.CreateVersion7():N}",
        }, time.GetUtcNow().UtcDateTime);
        trigger.DispatchSoon();
    }

    private static string NameOf(AppUser user) => string.IsNullOrWhiteSpace(user.DisplayName) ? "there" : user.DisplayName;

    // The template's pages hand over links already HTML-encoded (for its HTML-only no-op sender);
    // the text part needs the plain URL, and Razor encodes it again for the HTML part.
    private static string Decode(string link) => WebUtility.HtmlDecode(link);

    private sealed record AccountLink(string Title, string Intro, string Action, string Url);
}
