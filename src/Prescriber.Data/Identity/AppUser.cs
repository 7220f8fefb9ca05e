using Microsoft.AspNetCore.Identity;

namespace Prescriber.Data.Identity;

/// <summary>A person who signs in: an admin (no clinic), a clinician or a patient of one clinic.</summary>
public sealed class AppUser : IdentityUser
{
    public Guid? ClinicId { get; set; }

    public string DisplayName { get; set; } = "";
}
