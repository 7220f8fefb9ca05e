using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Notifications;

namespace Prescriber.Data.Notifications;

/// <summary>
/// Puts emails into the outbox. The row joins the caller's context, so it commits (or not)
/// together with whatever caused it: an email exists exactly when its event does.
/// </summary>
public static class OutboxWriter
{
    /// <summary>
    /// Adds the message to <paramref name="db"/> unless a row with its dedup key is already stored
    /// or tracked; the caller saves. Returns false when it was already queued. A concurrent writer
    /// can still race past the check: the unique index stops it, and
    /// <see cref="IsDuplicateKey"/> tells that failure apart.
    /// </summary>
    public static async Task<bool> EnqueueAsync(AppDbContext db, OutboxMessage message, DateTime now, CancellationToken cancellationToken = default)
    {
        var tracked = db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.DedupKey == message.DedupKey);
        if (tracked || await db.OutboxMessages.AnyAsync(m => m.DedupKey == message.DedupKey, cancellationToken))
        {
            return false;
        }

        Add(db, message, now);
        return true;
    }

    /// <summary>
    /// Adds the message without looking for its key first: for writers that queue many at once
    /// and guard duplicates with a key of their own (reminders). A duplicate still fails on the
    /// unique index at save.
    /// </summary>
    public static void Add(AppDbContext db, OutboxMessage message, DateTime now)
    {
        Prepare(message, now);
        db.OutboxMessages.Add(message);
    }

    /// <summary>Sets what every new row starts with: pending, created now, its Message-ID.</summary>
    public static void Prepare(OutboxMessage message, DateTime now)
    {
        message.Status = OutboxStatus.Pending;
        message.CreatedAt = now;
        message.MessageId = OutboxMessage.MessageIdFor(message.Id);
        if (message.NextAttemptAt == default)
        {
            message.NextAttemptAt = now;
        }
    }

    /// <summary>
    /// Given a lease, makes a new, prepared row that is due by <paramref name="now"/> one that a
    /// dispatch run has already claimed for its first attempt: written this way by a writer that
    /// hands its rows to the run itself, so no other dispatcher takes them unless the lease runs
    /// out (the writer crashed). A row not yet due, or no lease, stays pending.
    /// </summary>
    public static void Lease(OutboxMessage message, DateTime now, (string Worker, DateTime Until)? lease)
    {
        if (lease is not { } held || message.NextAttemptAt > now)
        {
            return;
        }

        message.Status = OutboxStatus.Sending;
        message.LockedBy = held.Worker;
        message.LockedUntil = held.Until;
        message.Attempts = 1;
    }

    /// <summary>
    /// Makes a new row one that waits for the dispatcher's retry after <paramref name="retryAt"/>
    /// because of <paramref name="reason"/>: what a writer does when it already knows the mail
    /// server is down, so the row reads as if it had been tried.
    /// </summary>
    public static void WaitForRetry(OutboxMessage message, DateTime retryAt, string reason)
    {
        message.LastError = OutboxMessage.ErrorText(reason);
        if (message.NextAttemptAt < retryAt)
        {
            message.NextAttemptAt = retryAt;
        }
    }

    /// <summary>
    /// Enqueues one message in its own save, for callers with nothing else to commit (account
    /// emails). A duplicate key, even one that lost a race, counts as already queued.
    /// </summary>
    public static async Task<bool> EnqueueAndSaveAsync(AppDbContext db, OutboxMessage message, DateTime now, CancellationToken cancellationToken = default)
    {
        if (!await EnqueueAsync(db, message, now, cancellationToken))
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (IsDuplicateKey(ex))
        {
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>
    /// True when a save failed on the outbox's unique dedup key: someone else queued the same
    /// email first, which is the outcome the key exists for.
    /// </summary>
    public static bool IsDuplicateKey(DbUpdateException exception) =>
        exception.InnerException switch
        {
            // 23505 unique_violation; the constraint name says which index.
            Npgsql.PostgresException pg => pg.SqlState == "23505" && pg.ConstraintName == DedupIndexName,
            // SQLITE_CONSTRAINT_UNIQUE names the columns, not the index.
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067
                && sqlite.Message.Contains("OutboxMessages.DedupKey", StringComparison.Ordinal),
            _ => false,
        };

    /// <summary>The name EF Core gives the unique index on DedupKey (both providers).</summary>
    public const string DedupIndexName = "IX_OutboxMessages_DedupKey";
}
