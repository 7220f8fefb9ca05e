using System.Security.Claims;

namespace Prescriber.Web.Features.Account;

/// <summary>The clinic a signed-in user belongs to travels in the auth cookie as a claim.</summary>
public static class ClinicClaims
{
    public const string ClinicId = "prescriber:clinic";
    public const string DisplayName = "prescriber:name";

    public static Guid? GetClinicId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClinicId), out var id) ? id : null;

    public static string? GetUserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";
}
