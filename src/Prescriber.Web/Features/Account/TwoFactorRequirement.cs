using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Clinics;
using Prescriber.Data;

namespace Prescriber.Web.Features.Account;

/// <summary>
/// A clinic may require two-factor sign-in. A clinician of such a clinic who has no authenticator
/// yet may only set one up (or sign out) until they do. Read from the database on each request,
/// not from the cookie, so the admin's switch and the clinician's enrolment count at once.
/// </summary>
public sealed class TwoFactorRequirement(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>The pages a clinician with setup pending may still reach.</summary>
    private static readonly string[] SetupPaths =
    [
        "/Account/Manage/EnableAuthenticator",
        "/Account/Manage/TwoFactorAuthentication",
        "/Account/Manage/ResetAuthenticator",
        "/Account/Logout",
        "/Account/Login",
        "/Account/LoginWith2fa",
        "/Account/LoginWithRecoveryCode",
    ];

    public static bool IsSetupPath(PathString path) => SetupPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public async Task<bool> IsSetupPendingAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Clinician) || user.GetClinicId() is not { } clinicId || user.GetUserId() is not { } userId)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(
            u => u.Id == userId && !u.TwoFactorEnabled && db.Clinics.Any(c => c.Id == clinicId && c.RequireTwoFactor),
            cancellationToken);
    }

    public async Task<bool> IsRequiredForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.GetClinicId() is not { } clinicId)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Clinics.AnyAsync(c => c.Id == clinicId && c.RequireTwoFactor, cancellationToken);
    }
}
