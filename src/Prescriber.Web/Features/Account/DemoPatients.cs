using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Clinics;
using Prescriber.Core.Flags;
using Prescriber.Core.Library;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;
using Prescriber.Data;

namespace Prescriber.Web.Features.Account;

/// <summary>
/// Development only: four made-up patients of the demo clinic with three weeks of made-up logs,
/// so a first look at the review pages shows a living clinic. Seeded once; the patterns are
/// fixed (a steady one, a patchy one, one gone quiet, one whose pain climbs) and nothing is random.
/// </summary>
internal static class DemoPatients
{
    private const string Zone = "America/New_York";

    private sealed record Pattern(string Name, string Email, Func<int, (EntryOutcome Outcome, int Before, int After, int Difficulty, string? Note)?> Day);

    private static readonly Pattern[] Patterns =
    [
        new("Maria Lopez", "maria.lopez@demo.prescriber.test", d => (EntryOutcome.Done, Math.Max(1, 5 - d / 5), Math.Max(0, 4 - d / 5), 4, d == 18 ? "Much easier to sit at my desk now." : null)),
        new("James Carter", "james.carter@demo.prescriber.test", d => d % 3 == 1 ? null : (d % 3 == 2 ? EntryOutcome.Partial : EntryOutcome.Done, 4, 3, 5, d == 14 ? "Busy week, did half." : null)),
        new("Aisha Khan", "aisha.khan@demo.prescriber.test", d => d > 15 ? null : (EntryOutcome.Done, 3, 2, 3, null)),
        new("Tom Becker", "tom.becker@demo.prescriber.test", d => (EntryOutcome.Done, 3 + d / 6, 3 + d / 4, 6 + d / 7, d == 20 ? "Sharp pain between the shoulder blades after the T raises." : null)),
    ];

    public static async Task SeedAsync(AppDbContext db, Clinic clinic, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Patients.IgnoreQueryFilters().AnyAsync(p => p.ClinicId == clinic.Id, cancellationToken))
        {
            return;
        }

        var library = await db.Exercises.IgnoreQueryFilters().AsNoTracking().Where(e => e.ClinicId == null).ToDictionaryAsync(e => e.Slug, cancellationToken);
        string[] routine = ["thoracic-extension-chair", "prone-t-raise", "floor-snow-angels", "bird-dog"];
        var today = PatientTime.Today(now, Zone);
        var start = today.AddDays(-21);
        var createdAt = now.UtcDateTime.AddDays(-21).AddHours(-2);

        foreach (var pattern in Patterns)
        {
            var patient = new Patient
            {
                ClinicId = clinic.Id,
                Name = pattern.Name,
                Email = pattern.Email,
                NormalizedEmail = pattern.Email,
                TimeZone = Zone,
                CreatedAt = createdAt,
            };
            var program = new ExerciseProgram
            {
                ClinicId = clinic.Id,
                PatientId = patient.Id,
                Name = "Upper back, first month",
                CurrentVersion = 1,
                Revision = 1,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            };
            var version = new ProgramVersion
            {
                ClinicId = clinic.Id,
                ProgramId = program.Id,
                Number = 1,
                CreatedAt = createdAt,
                StartDate = start,
                ReminderTimes = [new TimeOnly(8, 0)],
                Exercises = routine.Select((slug, order) => new PrescribedExercise
                {
                    ClinicId = clinic.Id,
                    Order = order,
                    ExerciseId = library[slug].Id,
                    ExerciseName = library[slug].Name,
                    Dosage = library[slug].Dosage,
                    Side = library[slug].Dosage.PerSide ? Side.Both : Side.NotSided,
                }).ToList(),
            };
            foreach (var item in version.Exercises)
            {
                item.VersionId = version.Id;
            }

            program.Versions.Add(version);
            db.Patients.Add(patient);
            db.Programs.Add(program);

            var flagged = false;
            for (var day = 0; day < 21; day++)
            {
                if (pattern.Day(day) is not { } log)
                {
                    continue;
                }

                var date = start.AddDays(day);
                var session = new SessionLog
                {
                    ClinicId = clinic.Id,
                    PatientId = patient.Id,
                    ProgramId = program.Id,
                    VersionId = version.Id,
                    LocalDate = date,
                    LoggedAt = createdAt.AddDays(day + 1).AddHours(-8),
                    PainBefore = Math.Min(10, log.Before),
                    PainAfter = Math.Min(10, log.After),
                    Difficulty = Math.Min(10, log.Difficulty),
                    Note = log.Note,
                    IdempotencyKey = $"demo-{patient.Id:N}-{day}",
                };
                session.Entries = version.Exercises.Select((item, i) => new SessionEntry
                {
                    ClinicId = clinic.Id,
                    SessionId = session.Id,
                    PrescribedExerciseId = item.Id,
                    Outcome = log.Outcome == EntryOutcome.Partial && i >= 2 ? EntryOutcome.Skipped : EntryOutcome.Done,
                    SkipReason = log.Outcome == EntryOutcome.Partial && i >= 2 ? SkipReason.NoTime : null,
                }).ToList();
                session.Status = SessionRules.StatusOf(session.Entries.Select(e => (e, version.Exercises.Single(x => x.Id == e.PrescribedExerciseId))).ToList());
                db.SessionLogs.Add(session);

                if (session.PainAfter >= ScreeningTrigger.HighPain && !flagged)
                {
                    // One open flag for a run of painful sessions, as the real rules raise it.
                    flagged = true;
                    db.Flags.Add(new Flag
                    {
                        ClinicId = clinic.Id,
                        PatientId = patient.Id,
                        SessionId = session.Id,
                        Kind = FlagKind.PainHigh,
                        Severity = ScreeningTier.Urgent,
                        Summary = $"Pain after the session {session.PainAfter}/10 on {date:yyyy-MM-dd}.",
                        CreatedAt = session.LoggedAt,
                    });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
