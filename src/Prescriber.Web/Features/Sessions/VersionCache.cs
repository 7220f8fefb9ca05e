using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Prescriber.Core.Programs;
using Prescriber.Data;

namespace Prescriber.Web.Features.Sessions;

/// <summary>
/// Program versions with their exercises, by id, for logging. A version is never changed once
/// saved (an edit adds the next version), so a cached copy cannot go stale. Read past the clinic
/// filter (the caller has no clinic of its own): the id comes from a program the caller has
/// already checked to be the patient's, so the cache cannot leak a version to another clinic.
/// </summary>
public sealed class VersionCache(IMemoryCache cache)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    public async Task<ProgramVersion> GetAsync(AppDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue((typeof(VersionCache), versionId), out ProgramVersion? version) && version is not null)
        {
            return version;
        }

        version = await db.ProgramVersions.IgnoreQueryFilters().AsNoTracking().Include(v => v.Exercises).FirstAsync(v => v.Id == versionId, cancellationToken);
        cache.Set((typeof(VersionCache), versionId), version, new MemoryCacheEntryOptions { SlidingExpiration = Keep, Size = 1 });
        return version;
    }
}
