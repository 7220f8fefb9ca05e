using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Clinics;
using Prescriber.Data;

namespace Prescriber.Web.Features.Notifications;

/// <summary>A clinician to email: the morning digest and the flag alerts go to every clinician of a clinic.</summary>
public sealed record ClinicianAddress(string Id, string Email, string? DisplayName)
{
    /// <summary>How an email greets them: their name, or "there" without one.</summary>
    public string Greeting => string.IsNullOrWhiteSpace(DisplayName) ? "there" : DisplayName;

    /// <summary>The clinic's clinicians with an email address; jobs and patients' links have no clinic scope, so the clinic is named.</summary>
    public static Task<List<ClinicianAddress>> OfClinicAsync(AppDbContext db, Guid clinicId, CancellationToken cancellationToken) => (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == Roles.Clinician && user.ClinicId == clinicId && user.Email != null
            select new ClinicianAddress(user.Id, user.Email!, user.DisplayName))
        .ToListAsync(cancellationToken);
}
