using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Audit;
using Prescriber.Data;
using Prescriber.Data.Clinics;

namespace Prescriber.Web.Features.Review;

/// <summary>Writes the audit trail: who (the scope's user), what, which patient, when.</summary>
public sealed class AuditTrail(IDbContextFactory<AppDbContext> contexts, ClinicScope scope, TimeProvider time)
{
    public string? UserId => scope.UserId;

    /// <summary>Adds the event to the caller's context, so it commits with the change it describes.</summary>
    public void Add(AppDbContext db, string action, Guid? patientId, string? detail = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = scope.UserId,
            Action = action,
            PatientId = patientId,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });

    /// <summary>Records a read on its own.</summary>
    public async Task RecordAsync(string action, Guid? patientId, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        Add(db, action, patientId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
