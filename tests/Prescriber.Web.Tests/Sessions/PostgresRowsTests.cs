using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Prescriber.Core.Flags;
using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;
using Prescriber.Data;
using Prescriber.Data.Clinics;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Sessions;

/// <summary>
/// The one-statement insert the session intake uses on PostgreSQL must store what EF Core would:
/// every mapped column of every row, read back through EF Core, equals what was written.
/// </summary>
public sealed class PostgresRowsTests(PostgresApp app) : ProviderTests<PostgresApp>(app)
{
    [Fact]
    public async Task Every_column_of_sessions_entries_and_flag_checks_reads_back_as_written()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var exercises = setup.Current.Exercises.ToList();
        // Microseconds: PostgreSQL keeps no finer time than that.
        var loggedAt = new DateTime(2026, 12, 3, 18, 45, 12, 123, 456, DateTimeKind.Utc);
        var sessions = Enumerable.Range(0, 3).Select(n => new SessionLog
        {
            ClinicId = setup.Patient.ClinicId,
            PatientId = setup.Patient.Id,
            ProgramId = setup.Program.Id,
            VersionId = setup.Current.Id,
            LocalDate = new DateOnly(2026, 12, 3).AddDays(-n),
            LoggedAt = loggedAt.AddMinutes(n),
            Retrospective = n > 0,
            Status = n == 0 ? SessionStatus.Partial : SessionStatus.Completed,
            PainBefore = n == 2 ? null : 3 + n,
            PainAfter = 7,
            Difficulty = n == 1 ? null : 6,
            Note = n == 0 ? "Felt a pull – “sharp” at the end; ça va" : null,
            Screening = ScreeningState.Answered,
            ScreeningTier = ScreeningTier.Urgent,
            RedFlagYes = 0b101,
            IdempotencyKey = $"rows-{n}-{Guid.NewGuid():N}",
        }).ToList();
        foreach (var session in sessions)
        {
            session.Entries =
            [
                new SessionEntry { ClinicId = session.ClinicId, SessionId = session.Id, PrescribedExerciseId = exercises[0].Id, Outcome = EntryOutcome.Partial, SetsDone = 2, RepsDone = 8 },
                new SessionEntry { ClinicId = session.ClinicId, SessionId = session.Id, PrescribedExerciseId = exercises[1].Id, Outcome = EntryOutcome.Skipped, SkipReason = SkipReason.NoEquipment },
            ];
        }

        var checks = sessions.Select(s => new QueuedFlagCheck { SessionId = s.Id, QueuedAt = s.LoggedAt }).ToList();
        var entries = sessions.SelectMany(s => s.Entries).ToList();

        await App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            batch.BatchCommands.Add(PostgresRows.Insert(db, sessions));
            batch.BatchCommands.Add(PostgresRows.Insert(db, entries));
            batch.BatchCommands.Add(PostgresRows.Insert(db, checks));
            await batch.ExecuteNonQueryAsync();
        });

        await App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var ids = sessions.Select(s => s.Id).ToList();
            AssertSame(db, sessions, await db.SessionLogs.AsNoTracking().IgnoreQueryFilters().Where(s => ids.Contains(s.Id)).ToListAsync(), s => s.Id);
            AssertSame(db, entries, await db.SessionEntries.AsNoTracking().IgnoreQueryFilters().Where(e => ids.Contains(e.SessionId)).ToListAsync(), e => e.Id);
            AssertSame(db, checks, await db.QueuedFlagChecks.AsNoTracking().Where(q => ids.Contains(q.SessionId)).ToListAsync(), q => q.SessionId);
        });
    }

    [Fact]
    public async Task A_row_without_a_clinic_or_of_another_clinic_is_refused_before_anything_is_sent()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var stray = new SessionEntry { SessionId = Guid.NewGuid(), PrescribedExerciseId = Guid.NewGuid(), Outcome = EntryOutcome.Done };
        var foreign = new SessionEntry { ClinicId = Guid.NewGuid(), SessionId = Guid.NewGuid(), PrescribedExerciseId = Guid.NewGuid(), Outcome = EntryOutcome.Done };

        await App.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            Assert.Throws<ClinicAccessViolationException>(() => PostgresRows.Insert(db, [stray]));
            Assert.Throws<ClinicAccessViolationException>(() => PostgresRows.Insert(db, [foreign]));
            return Task.CompletedTask;
        }, setup.Patient.ClinicId);
    }

    [Fact]
    public async Task An_entity_with_json_or_owned_parts_is_refused_rather_than_stored_without_them()
    {
        var message = new Core.Notifications.OutboxMessage { Kind = "test", ToAddress = "a@example.org", Subject = "s", HtmlBody = "<p>h</p>", TextBody = "t", DedupKey = $"rows-{Guid.NewGuid():N}" };

        await App.InScopeAsync(sp =>
        {
            Assert.Throws<NotSupportedException>(() => PostgresRows.Insert(sp.GetRequiredService<AppDbContext>(), [message]));
            return Task.CompletedTask;
        });
    }

    private static void AssertSame<T>(AppDbContext db, List<T> written, List<T> read, Func<T, Guid> key) where T : class
    {
        Assert.Equal(written.Count, read.Count);
        var properties = db.Model.FindEntityType(typeof(T))!.GetProperties().ToList();
        foreach (var row in written)
        {
            var back = Assert.Single(read, r => key(r) == key(row));
            foreach (var property in properties)
            {
                var getter = property.GetGetter();
                Assert.True(Equals(getter.GetClrValue(row), getter.GetClrValue(back)), $"{typeof(T).Name}.{property.Name}: wrote {getter.GetClrValue(row)}, read {getter.GetClrValue(back)}");
            }
        }
    }
}
