using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Audit;
using Prescriber.Core.Clinics;
using Prescriber.Core.Flags;
using Prescriber.Core.Library;
using Prescriber.Core.Notifications;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Reminders;
using Prescriber.Core.Sessions;
using Prescriber.Data.Clinics;
using Prescriber.Data.Identity;

namespace Prescriber.Data;

/// <summary>
/// The one database of the app. Clinic separation lives here, below every feature: queries only
/// see the current clinic's rows and writes cannot land in another clinic.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    // Contexts are pooled: ClinicContextFactory hands each one the scope of the unit of work that
    // leases it, every time, so a context never carries a previous lease's clinic.
    private ClinicScope _scope = new();

    public DbSet<Clinic> Clinics => Set<Clinic>();

    public DbSet<Exercise> Exercises => Set<Exercise>();

    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();

    public DbSet<SignInLink> SignInLinks => Set<SignInLink>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<PatientInvitation> PatientInvitations => Set<PatientInvitation>();

    public DbSet<ExerciseProgram> Programs => Set<ExerciseProgram>();

    public DbSet<ProgramVersion> ProgramVersions => Set<ProgramVersion>();

    public DbSet<PrescribedExercise> PrescribedExercises => Set<PrescribedExercise>();

    public DbSet<ProgramPause> ProgramPauses => Set<ProgramPause>();

    public DbSet<ProgramTemplate> ProgramTemplates => Set<ProgramTemplate>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<SessionLog> SessionLogs => Set<SessionLog>();

    public DbSet<SessionEntry> SessionEntries => Set<SessionEntry>();

    public DbSet<Flag> Flags => Set<Flag>();

    public DbSet<QueuedFlagCheck> QueuedFlagChecks => Set<QueuedFlagCheck>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();

    /// <summary>Data-protection keys live in the database, so every app node signs and reads the same links and cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Read by the query filters at query time, so one model serves every clinic.</summary>
    public Guid? CurrentClinicId => _scope.ClinicId;

    /// <summary>Set by <see cref="ClinicContextFactory"/> on every lease from the pool.</summary>
    internal void UseScope(ClinicScope scope) => _scope = scope;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity picks its schema (version 3 adds passkeys) from IdentityOptions; the app and the
        // design-time factories both set version 3 (see DataExtensions.IdentitySchema).
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Shared rows (no clinic) are visible to all; a clinic's own only to that clinic.
        builder.Entity<Exercise>().HasQueryFilter(e => e.ClinicId == null || e.ClinicId == CurrentClinicId);
        builder.Entity<ProgramTemplate>().HasQueryFilter(t => t.ClinicId == null || t.ClinicId == CurrentClinicId);
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IClinicOwned).IsAssignableFrom(t.ClrType)))
        {
            ClinicFilter.Apply(builder, type.ClrType, this);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardClinicBoundaries();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardClinicBoundaries();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The guard's rule for a new clinical row written around the change tracker (a COPY).</summary>
    internal void GuardNewRow(IClinicOwned owned)
    {
        if (owned.ClinicId == Guid.Empty)
        {
            throw new ClinicAccessViolationException($"A new {owned.GetType().Name} needs a clinic.");
        }

        if (_scope.ClinicId is { } clinicId && owned.ClinicId != clinicId)
        {
            throw new ClinicAccessViolationException($"{owned.GetType().Name} belongs to another clinic.");
        }
    }

    private void GuardClinicBoundaries()
    {
        var clinicId = _scope.ClinicId;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case IClinicOwned owned when entry.State == EntityState.Added && owned.ClinicId == Guid.Empty:
                    // A clinical row without a clinic would be visible to nobody, or worse, to the wrong one.
                    owned.ClinicId = clinicId ?? throw new ClinicAccessViolationException($"A new {entry.Metadata.ClrType.Name} needs a clinic.");
                    break;
                case IClinicOwned owned when clinicId is not null && owned.ClinicId != clinicId:
                    throw new ClinicAccessViolationException($"{entry.Metadata.ClrType.Name} belongs to another clinic.");
                case Exercise exercise when clinicId is not null && exercise.ClinicId != clinicId:
                    throw new ClinicAccessViolationException("Only the clinic's own custom exercises can be written.");
                case ProgramTemplate template when clinicId is not null && template.ClinicId != clinicId:
                    throw new ClinicAccessViolationException("Only the clinic's own templates can be written.");
            }
        }
    }
}
