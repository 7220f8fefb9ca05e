using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Core.Clinics;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;
using Prescriber.Data;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>Writes patients and programs straight into the database, as the scan will find them.</summary>
internal static class ReminderSeed
{
    public sealed record Seeded(Guid ClinicId, Guid PatientId, Guid ProgramId, Guid VersionId, string Email, string ExerciseName);

    public static Task<Seeded> ProgramAsync(
        PrescriberApp app,
        string email,
        string timeZone,
        TimeOnly[] times,
        DateOnly start,
        DateOnly? end = null,
        ProgramStatus status = ProgramStatus.Active,
        bool remindersOff = false,
        Guid? clinicId = null,
        string? userId = null) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var clinic = clinicId ?? await NewClinicAsync(db);
            var exercise = await db.Exercises.IgnoreQueryFilters().AsNoTracking().Where(e => e.ClinicId == null).OrderBy(e => e.Slug).FirstAsync();
            var patient = new Patient
            {
                ClinicId = clinic,
                Name = "Rem Patient",
                Email = email,
                NormalizedEmail = email.ToLowerInvariant(),
                TimeZone = timeZone,
                CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                RemindersOff = remindersOff,
                UserId = userId,
            };
            var program = new ExerciseProgram
            {
                ClinicId = clinic,
                PatientId = patient.Id,
                Name = "Upper back routine",
                Status = status,
                CurrentVersion = 1,
                Revision = 1,
                CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            var version = new ProgramVersion
            {
                ClinicId = clinic,
                ProgramId = program.Id,
                Number = 1,
                CreatedAt = program.CreatedAt,
                StartDate = start,
                EndDate = end,
                ReminderTimes = [.. times],
                Exercises = [new PrescribedExercise { ClinicId = clinic, ExerciseId = exercise.Id, ExerciseName = exercise.Name, Order = 0 }],
            };
            program.Versions.Add(version);
            db.Patients.Add(patient);
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            return new Seeded(clinic, patient.Id, program.Id, version.Id, email, exercise.Name);
        });

    public static Task LogSessionAsync(PrescriberApp app, Seeded seeded, DateOnly localDate) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.SessionLogs.Add(new SessionLog
            {
                ClinicId = seeded.ClinicId,
                PatientId = seeded.PatientId,
                ProgramId = seeded.ProgramId,
                VersionId = seeded.VersionId,
                LocalDate = localDate,
                LoggedAt = DateTime.UtcNow,
                Status = SessionStatus.Completed,
                IdempotencyKey = Guid.NewGuid().ToString("N"),
            });
            await db.SaveChangesAsync();
        });

    private static async Task<Guid> NewClinicAsync(AppDbContext db)
    {
        var clinic = new Clinic { Name = $"Clinic {Guid.NewGuid():N}", CreatedAt = DateTime.UtcNow };
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync();
        return clinic.Id;
    }
}
