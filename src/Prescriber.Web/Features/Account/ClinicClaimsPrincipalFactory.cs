using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Prescriber.Data.Identity;

namespace Prescriber.Web.Features.Account;

internal sealed class ClinicClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.ClinicId is { } clinicId)
        {
            identity.AddClaim(new Claim(ClinicClaims.ClinicId, clinicId.ToString()));
        }

        identity.AddClaim(new Claim(ClinicClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
