using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Prescriber.Core.Notifications;
using Prescriber.Core.Reminders;
using Prescriber.Data.Notifications;

namespace Prescriber.Data.Reminders;

/// <summary>
/// Writes a reminder scan's batch, each delivery with its outbox message, in one transaction.
/// On PostgreSQL with two binary COPYs: the change tracker and EF's INSERT batches cost more than
/// everything else a scan does (about 0.6 ms a reminder, against a few microseconds). Compromise:
/// this names the tables and columns in PostgreSQL's dialect, which the rest of the data layer
/// avoids; the reminder tests on PostgreSQL read every column back through EF, and any other
/// provider takes the ordinary save. The unique indexes hold either way: a slot or dedup key
/// already written fails the whole COPY (23505) exactly as it fails the save, and
/// <see cref="ReminderDeliveries.IsDuplicateSlot(Exception)"/> recognises both.
/// </summary>
public static class ReminderBatchWriter
{
    private const string MessagesCopy = """
        COPY "OutboxMessages" ("Id", "ClinicId", "Kind", "ToAddress", "ToName", "Subject", "HtmlBody", "TextBody",
            "Attachments", "Headers", "DedupKey", "Status", "Attempts", "NextAttemptAt", "CreatedAt", "MessageId", "LockedBy", "LockedUntil", "LastError")
        FROM STDIN (FORMAT BINARY)
        """;

    private const string DeliveriesCopy = """
        COPY "ReminderDeliveries" ("Id", "ClinicId", "ProgramId", "PatientId", "LocalDate", "Slot", "DueAt", "CreatedAt", "OutboxMessageId")
        FROM STDIN (FORMAT BINARY)
        """;

    /// <param name="lease">
    /// Given, the messages due by <paramref name="now"/> are written already claimed by this
    /// dispatch run (<see cref="OutboxWriter.Lease"/>), for the caller to hand over to it.
    /// </param>
    public static async Task SaveAsync(
        AppDbContext db,
        IReadOnlyList<(ReminderDelivery Delivery, OutboxMessage Message)> batch,
        DateTime now,
        (string Worker, DateTime Until)? lease,
        CancellationToken cancellationToken)
    {
        foreach (var (delivery, message) in batch)
        {
            OutboxWriter.Prepare(message, now);
            OutboxWriter.Lease(message, now, lease);
        }

        if (!db.Database.IsNpgsql())
        {
            foreach (var (delivery, message) in batch)
            {
                db.ReminderDeliveries.Add(delivery);
                db.OutboxMessages.Add(message);
            }

            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        foreach (var (delivery, _) in batch)
        {
            db.GuardNewRow(delivery);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await CopyMessagesAsync(connection, batch, cancellationToken);
            await CopyDeliveriesAsync(connection, batch, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyMessagesAsync(NpgsqlConnection connection, IReadOnlyList<(ReminderDelivery Delivery, OutboxMessage Message)> batch, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(MessagesCopy, cancellationToken);
        foreach (var (_, m) in batch)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(m.Id, NpgsqlDbType.Uuid, cancellationToken);
            await WriteNullableAsync(copy, m.ClinicId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(m.Kind, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(m.ToAddress, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, m.ToName, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(m.Subject, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(m.HtmlBody, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(m.TextBody, NpgsqlDbType.Text, cancellationToken);
            // The JSON columns in the shape EF Core's ToJson reads: an array of objects named by property.
            await copy.WriteAsync(JsonSerializer.Serialize(m.Attachments), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(JsonSerializer.Serialize(m.Headers), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(m.DedupKey, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(m.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(m.Attempts, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(m.NextAttemptAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(m.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(m.MessageId, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, m.LockedBy, NpgsqlDbType.Varchar, cancellationToken);
            await WriteNullableAsync(copy, m.LockedUntil, NpgsqlDbType.TimestampTz, cancellationToken);
            await WriteNullableAsync(copy, m.LastError, NpgsqlDbType.Varchar, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopyDeliveriesAsync(NpgsqlConnection connection, IReadOnlyList<(ReminderDelivery Delivery, OutboxMessage Message)> batch, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(DeliveriesCopy, cancellationToken);
        foreach (var (d, _) in batch)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(d.Id, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(d.ClinicId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(d.ProgramId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(d.PatientId, NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(d.LocalDate, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(d.Slot, NpgsqlDbType.Time, cancellationToken);
            await copy.WriteAsync(d.DueAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(d.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(d.OutboxMessageId, NpgsqlDbType.Uuid, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is not null ? copy.WriteAsync(value, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
