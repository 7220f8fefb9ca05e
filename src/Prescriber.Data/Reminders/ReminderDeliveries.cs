using Microsoft.EntityFrameworkCore;
using Prescriber.Data.Notifications;

namespace Prescriber.Data.Reminders;

/// <summary>Recognises a writer that lost the race for a reminder slot.</summary>
public static class ReminderDeliveries
{
    public const string KeyIndexName = "IX_ReminderDeliveries_ProgramId_LocalDate_Slot";

    /// <summary>
    /// True when a save failed because the slot (or its outbox dedup key) was already written by
    /// another run or server: the reminder exists, which is all the caller wanted.
    /// </summary>
    public static bool IsDuplicateSlot(DbUpdateException exception) =>
        OutboxWriter.IsDuplicateKey(exception) || exception.InnerException switch
        {
            Npgsql.PostgresException pg => pg.SqlState == "23505" && pg.ConstraintName == KeyIndexName,
            // SQLITE_CONSTRAINT_UNIQUE names the columns, not the index.
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067
                && sqlite.Message.Contains("ReminderDeliveries.ProgramId", StringComparison.Ordinal),
            _ => false,
        };

    /// <summary>
    /// The same for any failure of a batch write: EF's save reports the violation wrapped in a
    /// <see cref="DbUpdateException"/>, a PostgreSQL COPY (<see cref="ReminderBatchWriter"/>) as is.
    /// </summary>
    public static bool IsDuplicateSlot(Exception exception) => exception switch
    {
        DbUpdateException update => IsDuplicateSlot(update),
        Npgsql.PostgresException pg => pg.SqlState == "23505" && pg.ConstraintName is KeyIndexName or OutboxWriter.DedupIndexName,
        _ => false,
    };

    /// <summary>
    /// True for a PostgreSQL deadlock between two writers of the same slots: their batches insert
    /// the same unique keys in different orders (row ids are random within a millisecond). The
    /// database aborts one; the other has written the slots. EF reports it wrapped, as transient.
    /// </summary>
    public static bool IsDeadlock(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is Npgsql.PostgresException { SqlState: "40P01" })
            {
                return true;
            }
        }

        return false;
    }
}
