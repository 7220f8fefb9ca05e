using Microsoft.EntityFrameworkCore;
using Prescriber.Data;

namespace Prescriber.Web.Features.Review;

/// <summary>Searching the audit trail, for admins: across clinics on purpose (admins have no clinic).</summary>
public sealed class AuditService(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<(IReadOnlyList<AuditRow> Rows, int Total)> SearchAsync(string? action, Guid? patientId, string? user, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query =
            from a in db.AuditEvents.IgnoreQueryFilters().AsNoTracking()
            join u in db.Users on a.UserId equals u.Id into users
            from u in users.DefaultIfEmpty()
            join p in db.Patients.IgnoreQueryFilters() on a.PatientId equals p.Id into patients
            from p in patients.DefaultIfEmpty()
            select new { a, User = u == null ? null : u.Email, Patient = p == null ? null : p.Name };
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(x => x.a.Action.StartsWith(action.Trim()));
        }

        if (patientId is { } id)
        {
            query = query.Where(x => x.a.PatientId == id);
        }

        if (!string.IsNullOrWhiteSpace(user))
        {
            query = query.Where(x => x.User != null && x.User.Contains(user.Trim()));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(x => x.a.At).Skip(page * pageSize).Take(pageSize)
            .Select(x => new AuditRow(x.a.At, x.User, x.a.Action, x.a.PatientId, x.Patient, x.a.ClinicId, x.a.Detail))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }
}
