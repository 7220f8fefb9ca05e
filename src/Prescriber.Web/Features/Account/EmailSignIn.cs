using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Prescriber.Core.Clinics;
using Prescriber.Core.Notifications;
using Prescriber.Data;
using Prescriber.Data.Identity;
using Prescriber.Data.Notifications;
using Prescriber.Web.Features.Common;
using Prescriber.Web.Features.Notifications;

namespace Prescriber.Web.Features.Account;

/// <summary>
/// Sign-in without a password for patients: a one-time link, valid for 20 minutes, emailed on
/// request. The answer to a request never says whether the address has an account.
/// </summary>
public sealed class EmailSignIn(
    AppDbContext db,
    UserManager<AppUser> users,
    EmailRenderer renderer,
    OutboxDispatchTrigger dispatch,
    IOptions<AppOptions> app,
    TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);

    public const string Kind = "account.sign-in-link";

    public async Task RequestAsync(string email, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !await users.IsInRoleAsync(user, Roles.Patient) || await users.IsLockedOutAsync(user))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var token = OneTimeToken.New();
        db.SignInLinks.Add(new SignInLink { UserId = user.Id, TokenHash = OneTimeToken.Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime });
        var link = app.Value.Link($"signin-link/{token}");
        const string Intro = "Here is your link to sign in to Prescriber. It works once, for 20 minutes.";
        var html = await renderer.RenderAsync<AccountLinkEmail>(new Dictionary<string, object?>
        {
            [nameof(AccountLinkEmail.Title)] = "Your sign-in link",
            [nameof(AccountLinkEmail.Name)] = user.DisplayName,
            [nameof(AccountLinkEmail.Intro)] = Intro,
            [nameof(AccountLinkEmail.Action)] = "Sign in",
            [nameof(AccountLinkEmail.Link)] = link,
        });
        await OutboxWriter.EnqueueAsync(db, new OutboxMessage
        {
            ClinicId = user.ClinicId,
            Kind = Kind,
            ToAddress = user.Email!,
            ToName = user.DisplayName,
            Subject = "Your sign-in link",
            HtmlBody = html,
            TextBody = $"Hello {user.DisplayName},\n\n{Intro}\n\nSign in:\n{link}\n\nIf you did not ask for this, ignore this email.\n",
            DedupKey = $"{Kind}:{Guid.CreateVersion7():N}",
        }, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        dispatch.DispatchSoon();
    }

    /// <summary>Whether the link is still good, without spending it (the page asks for a click first).</summary>
    public async Task<bool> IsValidAsync(string token)
    {
        var hash = OneTimeToken.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.SignInLinks.AnyAsync(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now);
    }

    /// <summary>Spends the link with one conditional update and returns its user, or null.</summary>
    public async Task<AppUser?> ConsumeAsync(string token)
    {
        var hash = OneTimeToken.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var link = await db.SignInLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash);
        if (link is null)
        {
            return null;
        }

        var spent = await db.SignInLinks.Where(l => l.Id == link.Id && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now));
        return spent == 1 ? await users.FindByIdAsync(link.UserId) : null;
    }

}
