using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Notifications;
using Prescriber.Data;

namespace Prescriber.Web.Features.Notifications;

/// <summary>What the admin outbox page reads and the one thing it changes (retrying a failed message).</summary>
public sealed class OutboxAdminService(IDbContextFactory<AppDbContext> contexts, MailSessionFactory sessions, TimeProvider time)
{
    /// <summary>Where .eml files go, or null when mail goes to an SMTP server.</summary>
    public string? PickupFolder => sessions.Options.UsesPickupFolder ? sessions.PickupFolder : null;

    /// <summary>Newest first, one page of them, and how many match in all.</summary>
    public async Task<(IReadOnlyList<OutboxRow> Rows, int Total)> ListAsync(OutboxStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.OutboxMessages.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(m => m.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(m => m.CreatedAt)
            .ThenByDescending(m => m.Id)
            .Skip(Math.Max(page, 0) * pageSize)
            .Take(pageSize)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.ToAddress, m.Subject, m.Status, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.SentAt))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    public async Task<OutboxMessage?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>
    /// Makes a failed message due now. Attempts are kept, so the page still shows its history;
    /// false when it is no longer failed (someone retried it already).
    /// </summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        return changed == 1;
    }
}
