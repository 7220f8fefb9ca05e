using Npgsql;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;

namespace Prescriber.Benchmarks;

/// <summary>
/// A year of made-up logs for one clinic's patients, bulk-copied with Npgsql's binary COPY: six
/// time zones, one program each with two or three versions (some back-dated, some ending), one or
/// two pauses (a few still open), each patient with their own habit of logging, partial and
/// skipped sessions, extra sessions, late logs (several at the same minute), pain scores, notes and
/// flags. The random generator is seeded; the dates follow the day of the run.
/// </summary>
internal static class ReviewSeed
{
    public static readonly string[] Zones = ["UTC", "Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Los_Angeles"];

    private static readonly string[] Notes = ["Stiff in the morning, better after.", "Knee clicked on the third set.", "Did them at work.", "Easier than last week.", "Felt a pinch, stopped early."];

    public sealed record Counts(int Patients, int Sessions, int Entries, int Flags);

    /// <summary>Seeds <paramref name="patients"/> patients of <paramref name="clinic"/>; <paramref name="library"/> are (id, name) of library exercises.</summary>
    public static async Task<Counts> SeedAsync(string connection, Guid clinic, string prefix, int patients, DateTimeOffset now, IReadOnlyList<(Guid Id, string Name)> library, int seed)
    {
        var random = new Random(seed);
        var data = new Rows();
        for (var i = 0; i < patients; i++)
        {
            Patient(data, random, clinic, $"{prefix} patient {i:D4}", Zones[i % Zones.Length], now, library);
        }

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await CopyAsync(db, "Patients", ["Id", "ClinicId", "Name", "Email", "NormalizedEmail", "TimeZone", "CreatedAt", "RemindersOff"], data.Patients);
        await CopyAsync(db, "Programs", ["Id", "ClinicId", "PatientId", "Name", "Status", "CurrentVersion", "Revision", "CreatedAt", "UpdatedAt"], data.Programs);
        await CopyAsync(db, "ProgramVersions", ["Id", "ClinicId", "ProgramId", "Number", "CreatedAt", "CreatedBy", "Note", "TimesPerDay", "Days", "StartDate", "EndDate", "ReminderTimes"], data.Versions);
        await CopyAsync(db, "PrescribedExercises", ["Id", "ClinicId", "VersionId", "Order", "ExerciseId", "ExerciseName", "Dosage_Sets", "Dosage_Reps", "Dosage_HoldSeconds", "Dosage_PerSide", "Dosage_RestSeconds", "Side"], data.Exercises);
        await CopyAsync(db, "ProgramPauses", ["Id", "ClinicId", "ProgramId", "From", "To", "Reason"], data.Pauses);
        await CopyAsync(db, "SessionLogs", ["Id", "ClinicId", "PatientId", "ProgramId", "VersionId", "LocalDate", "LoggedAt", "Retrospective", "Status", "PainBefore", "PainAfter", "Difficulty", "Note", "Screening", "ScreeningTier", "RedFlagYes", "IdempotencyKey"], data.Sessions);
        await CopyAsync(db, "SessionEntries", ["Id", "ClinicId", "SessionId", "PrescribedExerciseId", "Outcome", "SetsDone", "RepsDone", "SkipReason"], data.Entries);
        await CopyAsync(db, "Flags", ["Id", "ClinicId", "PatientId", "Kind", "Severity", "Summary", "CreatedAt", "Status"], data.Flags);
        await using (var analyze = new NpgsqlCommand("ANALYZE", db))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return new Counts(patients, data.Sessions.Count, data.Entries.Count, data.Flags.Count);
    }

    private static void Patient(Rows data, Random random, Guid clinic, string name, string zoneId, DateTimeOffset now, IReadOnlyList<(Guid Id, string Name)> library)
    {
        var zone = PatientTime.Zone(zoneId);
        var today = PatientTime.Today(now, zoneId);
        var start = today.AddDays(-364);
        var patient = Guid.CreateVersion7();
        var program = Guid.CreateVersion7();
        var created = Utc(start.AddDays(-1), new TimeOnly(10, 0), zone);
        var email = $"{name.Replace(' ', '.')}@bench.test".ToUpperInvariant();
        data.Patients.Add([patient, clinic, name, email.ToLowerInvariant(), email, zoneId, created, false]);

        // Versions: v1 from the start, v2 after three to five months (one in ten back-dated by a
        // few days, which the calculator must not apply to days before it was made), v3 for half.
        var picks = library.OrderBy(_ => random.Next()).Take(5).ToList();
        var versions = new List<(ProgramVersion Version, DateOnly Effective)>();
        var count = random.NextDouble() < 0.5 ? 3 : 2;
        for (var n = 1; n <= count; n++)
        {
            var startDate = n switch { 1 => start, 2 => start.AddDays(100 + random.Next(40)), _ => start.AddDays(220 + random.Next(60)) };
            var madeOn = n > 1 && random.NextDouble() < 0.1 ? startDate.AddDays(3) : startDate.AddDays(-1);
            var version = new ProgramVersion
            {
                ProgramId = program,
                Number = n,
                CreatedAt = Utc(madeOn, new TimeOnly(15, 0), zone),
                StartDate = startDate,
                TimesPerDay = n > 1 && random.NextDouble() < 0.25 ? 2 : 1,
                Days = random.NextDouble() switch { < 0.6 => WeekDays.Every, < 0.85 => WeekDays.Monday | WeekDays.Wednesday | WeekDays.Friday, _ => WeekDays.Weekdays },
                EndDate = n == count && random.NextDouble() < 0.05 ? today.AddDays(-5 - random.Next(25)) : null,
                Note = n > 1 ? "Progressed the dosage." : null,
            };
            for (var e = 0; e < (n == 3 ? 4 : 3); e++)
            {
                var (id, exerciseName) = picks[(e + n - 1) % picks.Count];
                version.Exercises.Add(new PrescribedExercise
                {
                    VersionId = version.Id,
                    Order = e,
                    ExerciseId = id,
                    ExerciseName = exerciseName,
                    Dosage = new() { Sets = 2 + random.Next(2), Reps = 8 + random.Next(8) },
                });
            }

            var madeLocal = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(new DateTimeOffset(version.CreatedAt), zone).DateTime);
            versions.Add((version, madeLocal > startDate ? madeLocal : startDate));
            data.Versions.Add([version.Id, clinic, program, n, version.CreatedAt, "bench-clinician", version.Note, version.TimesPerDay, (int)version.Days, version.StartDate, version.EndDate, new[] { new TimeOnly(8, 0) }]);
            foreach (var e in version.Exercises)
            {
                data.Exercises.Add([e.Id, clinic, version.Id, e.Order, e.ExerciseId, e.ExerciseName, e.Dosage.Sets, e.Dosage.Reps, 0, false, 30, nameof(Side.NotSided)]);
            }
        }

        data.Programs.Add([program, clinic, patient, "Knee and hip routine", nameof(ProgramStatus.Active), count, count, created, versions[^1].Version.CreatedAt]);

        var pauses = new List<(DateOnly From, DateOnly? To)>();
        for (var p = 0; p < 1 + random.Next(2); p++)
        {
            var from = start.AddDays(random.Next(340));
            pauses.Add((from, from.AddDays(3 + random.Next(12))));
        }

        if (random.NextDouble() < 0.03)
        {
            pauses.Add((today.AddDays(-1 - random.Next(10)), null));
        }

        foreach (var (from, to) in pauses)
        {
            data.Pauses.Add([Guid.CreateVersion7(), clinic, program, from, to, "Flare-up"]);
        }

        // Each patient has their own habit, a little worse at weekends; pain drifts slowly.
        var habit = 0.35 + random.NextDouble() * 0.6;
        var pain = 2.0 + random.NextDouble() * 4;
        var sessionIndex = 0;
        for (var date = start; date <= today; date = date.AddDays(1))
        {
            var version = versions.Where(v => v.Effective <= date).Select(v => v.Version).LastOrDefault();
            if (version is null)
            {
                continue;
            }

            var paused = pauses.Any(p => p.From <= date && (p.To is null || date <= p.To));
            var scheduled = !paused && (version.EndDate is null || date <= version.EndDate) && version.Days.Includes(date) ? version.TimesPerDay : 0;
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.85 : 1;
            var logs = Enumerable.Range(0, scheduled).Count(_ => random.NextDouble() < habit * weekend)
                + (random.NextDouble() < 0.03 ? 1 : 0);
            if (date == today)
            {
                logs = Math.Min(logs, 1);
            }

            pain = Math.Clamp(pain + (random.NextDouble() - 0.5) * 0.6, 0, 9);
            for (var slot = 0; slot < logs; slot++)
            {
                Session(data, random, clinic, patient, program, version, zone, date, slot, (int)Math.Round(pain), now, sessionIndex++);
            }
        }

        for (var f = 0; random.NextDouble() < 0.15 && f < 3; f++)
        {
            var (kind, severity) = random.NextDouble() switch { < 0.4 => ("PainHigh", "Urgent"), < 0.8 => ("PainRise", "Review"), < 0.95 => ("Silence", "Review"), _ => ("RedFlagAnswer", "Emergency") };
            var status = random.NextDouble() switch { < 0.5 => "Open", < 0.7 => "Acknowledged", _ => "Resolved" };
            data.Flags.Add([Guid.CreateVersion7(), clinic, patient, kind, severity, $"{kind} (generated)", now.UtcDateTime.AddDays(-random.Next(60)), status]);
        }
    }

    private static void Session(Rows data, Random random, Guid clinic, Guid patient, Guid program, ProgramVersion version, TimeZoneInfo zone, DateOnly date, int slot, int pain, DateTimeOffset now, int index)
    {
        var session = Guid.CreateVersion7();
        var kind = random.NextDouble();
        var entries = new List<(SessionEntry Entry, PrescribedExercise Prescribed)>();
        foreach (var prescribed in version.Exercises)
        {
            var entry = new SessionEntry { SessionId = session, PrescribedExerciseId = prescribed.Id };
            if (kind >= 0.9)
            {
                entry.Outcome = EntryOutcome.Skipped;
                entry.SkipReason = (SkipReason)random.Next(7);
            }
            else if (kind >= 0.76 && random.NextDouble() < 0.6)
            {
                entry.Outcome = random.NextDouble() < 0.25 ? EntryOutcome.Skipped : EntryOutcome.Partial;
                entry.SkipReason = entry.Outcome == EntryOutcome.Skipped ? (SkipReason)random.Next(7) : null;
                entry.SetsDone = entry.Outcome == EntryOutcome.Partial ? 1 + random.Next(prescribed.Dosage.Sets) : null;
                entry.RepsDone = entry.Outcome == EntryOutcome.Partial && random.NextDouble() < 0.5 ? prescribed.Dosage.Reps - random.Next(4) : null;
            }

            entries.Add((entry, prescribed));
            data.Entries.Add([entry.Id, clinic, session, prescribed.Id, entry.Outcome.ToString(), entry.SetsDone, entry.RepsDone, entry.SkipReason?.ToString()]);
        }

        var late = random.NextDouble() < 0.03;
        var loggedAt = late ? Utc(date.AddDays(1), new TimeOnly(9, 0), zone) : Utc(date, new TimeOnly(7 + slot * 5 + random.Next(4), random.Next(60)), zone);
        if (loggedAt > now.UtcDateTime)
        {
            loggedAt = now.UtcDateTime.AddMinutes(-1 - random.Next(60));
        }

        var scored = random.NextDouble() < 0.75;
        int? before = scored ? pain : null;
        int? after = scored && random.NextDouble() < 0.85 ? Math.Clamp(pain + random.Next(-2, 2), 0, 10) : null;
        var note = random.NextDouble() < 0.06 ? Notes[random.Next(Notes.Length)] : null;
        data.Sessions.Add([session, clinic, patient, program, version.Id, date, loggedAt, late, SessionRules.StatusOf(entries).ToString(),
            before, after, 2 + random.Next(7), note, nameof(ScreeningState.NotNeeded), "None", 0, $"bench-{index}-{session:N}"]);
    }

    /// <summary>A local date and time in the zone, as UTC (a time in a spring-forward gap moves on by the gap).</summary>
    private static DateTime Utc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static async Task CopyAsync(NpgsqlConnection db, string table, string[] columns, List<object?[]> rows)
    {
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await db.BeginBinaryImportAsync(sql);
        foreach (var row in rows)
        {
            await importer.WriteRowAsync(CancellationToken.None, row);
        }

        await importer.CompleteAsync();
    }

    private sealed class Rows
    {
        public List<object?[]> Patients { get; } = [];

        public List<object?[]> Programs { get; } = [];

        public List<object?[]> Versions { get; } = [];

        public List<object?[]> Exercises { get; } = [];

        public List<object?[]> Pauses { get; } = [];

        public List<object?[]> Sessions { get; } = [];

        public List<object?[]> Entries { get; } = [];

        public List<object?[]> Flags { get; } = [];
    }
}
