using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Patients;
using Prescriber.Data;

namespace Prescriber.Web.Features.Sessions;

/// <summary>
/// Finds the patient of a link, by the id the link's signature vouches for. Every link-carrying
/// request needs one, so the lookups that arrive while one query runs are answered by the next,
/// one query for all of them: when a reminder wave is answered at once this saves a round trip a
/// request (docs/performance.md, issue 6). Always read fresh, never cached: a patient moved or
/// removed is seen at once.
/// </summary>
public sealed class PatientLookup : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 200;

    private readonly Channel<(Guid Id, TaskCompletionSource<Patient?> Answer)> _pending = Channel.CreateUnbounded<(Guid, TaskCompletionSource<Patient?>)>();
    private readonly IServiceScopeFactory _scopes;
    private readonly Task _desk;

    public PatientLookup(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _desk = Task.Run(RunDeskAsync);
    }

    /// <summary>
    /// The patient with this id in any clinic (the caller enters the patient's clinic), or null.
    /// Callers answered by the same query share the instance: read it, never change or attach it.
    /// </summary>
    public Task<Patient?> FindAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var answer = new TaskCompletionSource<Patient?>(TaskCreationOptions.RunContinuationsAsynchronously);
        return _pending.Writer.TryWrite((patientId, answer))
            ? answer.Task.WaitAsync(cancellationToken)
            : Task.FromException<Patient?>(new ObjectDisposedException(nameof(PatientLookup), "The app is shutting down."));
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _desk;
    }

    public void Dispose() => _pending.Writer.TryComplete();

    private async Task RunDeskAsync()
    {
        var batch = new List<(Guid Id, TaskCompletionSource<Patient?> Answer)>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                var ids = batch.Select(p => p.Id).Distinct().ToList();
                await using var scope = _scopes.CreateAsyncScope();
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
                // Past the clinic filter: the ids come from signed links, and the visitor has no clinic yet.
                var found = await db.Patients.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
                foreach (var (id, answer) in batch)
                {
                    answer.TrySetResult(found.GetValueOrDefault(id));
                }
            }
            catch (Exception ex)
            {
                foreach (var (_, answer) in batch)
                {
                    answer.TrySetException(ex);
                }
            }
        }
    }
}
