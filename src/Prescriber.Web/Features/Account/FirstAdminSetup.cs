using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Clinics;
using Prescriber.Data;
using Prescriber.Data.Identity;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Account;

/// <summary>Creates the installation's first administrator, from configuration or through a one-time link.</summary>
public sealed class FirstAdminSetup(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                // Another node may have created it a moment ago; only a real failure matters.
                if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    throw new InvalidOperationException($"Could not create role {role}: {Describe(result)}");
                }
            }
        }
    }

    public async Task<bool> AdminExistsAsync() => (await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0;

    /// <summary>Creates an admin; returns the errors to show, or none.</summary>
    public async Task<IReadOnlyList<string>> CreateAdminAsync(string email, string displayName, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToList();
        }

        await users.AddToRoleAsync(user, Roles.Admin);
        return [];
    }

    /// <summary>The password rules' complaints about a password, without creating anyone.</summary>
    public async Task<IReadOnlyList<string>> CheckPasswordAsync(string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new AppUser(), password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors;
    }

    /// <summary>Issues a fresh link token (older unused ones stop working) and returns it.</summary>
    public async Task<string> IssueTokenAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.SetupTokens.Where(t => t.UsedAt == null).ExecuteDeleteAsync();
        var token = OneTimeToken.New();
        db.SetupTokens.Add(new SetupToken { TokenHash = OneTimeToken.Hash(token), CreatedAt = now, ExpiresAt = now + LinkLifetime });
        await db.SaveChangesAsync();
        return token;
    }

    public async Task<bool> IsTokenValidAsync(string token)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hash = OneTimeToken.Hash(token);
        return await db.SetupTokens.AnyAsync(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now);
    }

    /// <summary>Uses the token up; false if it was not valid (expired, used, unknown).</summary>
    public async Task<bool> ConsumeTokenAsync(string token)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hash = OneTimeToken.Hash(token);
        // One conditional update, so two submits of the same link cannot both win.
        var used = await db.SetupTokens
            .Where(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now));
        return used == 1;
    }


    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
