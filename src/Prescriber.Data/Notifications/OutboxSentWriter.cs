using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Prescriber.Core.Notifications;

namespace Prescriber.Data.Notifications;

/// <summary>
/// Records claimed outbox rows as sent, for one dispatch run's sent-marker: the rows the server
/// accepted, still leased to this worker. One statement per group of rows, thousands per large
/// wave, so on PostgreSQL it is a statement prepared once on a connection held for the whole run
/// (no LINQ translation, no parse and plan per group): measured at 10,000 reminders, the LINQ
/// update per group cost the app about as much CPU as the SMTP sends themselves. Compromise, as in
/// <see cref="Reminders.ReminderBatchWriter"/>: this names the table and columns in PostgreSQL's
/// dialect; any other provider takes the ordinary LINQ update.
/// </summary>
public sealed class OutboxSentWriter : IAsyncDisposable
{
    private const string Update = """
        UPDATE "OutboxMessages"
        SET "Status" = $1, "SentAt" = $2, "LastError" = NULL, "LockedBy" = NULL, "LockedUntil" = NULL
        WHERE "Id" = ANY($3) AND "LockedBy" = $4
        """;

    private readonly AppDbContext _db;

    private readonly string _worker;

    private readonly NpgsqlCommand? _command;

    private OutboxSentWriter(AppDbContext db, string worker, NpgsqlCommand? command)
    {
        _db = db;
        _worker = worker;
        _command = command;
    }

    /// <summary>Holds <paramref name="db"/>'s connection open until disposed; the caller still owns the context.</summary>
    public static async Task<OutboxSentWriter> OpenAsync(AppDbContext db, string worker, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new OutboxSentWriter(db, worker, null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var command = new NpgsqlCommand(Update, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Varchar, TypedValue = OutboxStatus.Sent.ToString() });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter<Guid[]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Varchar, TypedValue = worker });
            await command.PrepareAsync(cancellationToken);
            return new OutboxSentWriter(db, worker, command);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }
    }

    /// <summary>Marks these rows sent at <paramref name="now"/>, those still leased to this worker.</summary>
    public async Task MarkAsync(IReadOnlyCollection<Guid> ids, DateTime now, CancellationToken cancellationToken)
    {
        if (_command is null)
        {
            var list = ids.ToList();
            await _db.OutboxMessages
                .Where(m => list.Contains(m.Id) && m.LockedBy == _worker)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Sent)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
            return;
        }

        ((NpgsqlParameter<DateTime>)_command.Parameters[1]).TypedValue = now;
        ((NpgsqlParameter<Guid[]>)_command.Parameters[2]).TypedValue = [.. ids];
        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_command is not null)
        {
            await _command.DisposeAsync();
            await _db.Database.CloseConnectionAsync();
        }
    }
}
