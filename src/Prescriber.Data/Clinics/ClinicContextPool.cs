using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Prescriber.Data.Clinics;

/// <summary>
/// The app's pool of contexts. Internal so that nothing leases a context past
/// <see cref="ClinicContextFactory"/>, which sets the clinic on every lease.
/// </summary>
internal sealed class ClinicContextPool(DbContextOptions<AppDbContext> options)
{
    private readonly PooledDbContextFactory<AppDbContext> _pool = new(options);

    public AppDbContext Lease(ClinicScope scope)
    {
        var context = _pool.CreateDbContext();
        context.UseScope(scope);
        return context;
    }
}
