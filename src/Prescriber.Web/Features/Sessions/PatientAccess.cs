using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Clinics;
using Prescriber.Core.Patients;
using Prescriber.Data;
using Prescriber.Data.Clinics;
using Prescriber.Web.Features.Account;
using Prescriber.Web.Features.Patients;

namespace Prescriber.Web.Features.Sessions;

/// <summary>
/// Who the patient is on the patient pages and the logging API: the holder of a valid "today"
/// link, or a signed-in patient. A link carries no clinic claim, so once it checks out this
/// enters the patient's clinic for the rest of the request; everything after is filtered as usual.
/// </summary>
public sealed class PatientAccess(AppDbContext db, ClinicScope scope, PatientLinks links, PatientLookup lookup)
{
    public async Task<PatientGrant?> ResolveAsync(ClaimsPrincipal user, string? token, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(token))
        {
            if (links.Read(PatientLinkPurpose.Today, token) is not { } link)
            {
                return null;
            }

            // The patient id comes from a signed token, not from the request: looking past the
            // clinic filter by it is safe, and needed because the visitor has no clinic yet.
            var patient = await lookup.FindAsync(link.PatientId, cancellationToken);
            if (patient is null)
            {
                return null;
            }

            scope.Enter(patient.ClinicId, scope.UserId);
            return new PatientGrant(patient, link.ProgramId, link.ExpiresAt);
        }

        if (user.IsInRole(Roles.Patient) && user.GetUserId() is { } userId)
        {
            var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
            return patient is null ? null : new PatientGrant(patient, null, null);
        }

        return null;
    }
}
