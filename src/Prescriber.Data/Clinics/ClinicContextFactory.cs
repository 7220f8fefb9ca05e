using Microsoft.EntityFrameworkCore;

namespace Prescriber.Data.Clinics;

/// <summary>
/// Contexts for one unit of work (a request, a circuit, a job's scope): pooled, and always bound
/// to that unit's <see cref="ClinicScope"/>, so the clinic filters and guards see its clinic.
/// </summary>
internal sealed class ClinicContextFactory(ClinicContextPool pool, ClinicScope scope) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => pool.Lease(scope);
}
