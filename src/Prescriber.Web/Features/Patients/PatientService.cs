using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Data;
using Microsoft.Extensions.Options;
using Prescriber.Core.Notifications;
using Prescriber.Data.Clinics;
using Prescriber.Data.Notifications;
using Prescriber.Web.Features.Account;
using Prescriber.Web.Features.Notifications;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Patients;

/// <summary>A clinic's patients: records, search and invitations. Other clinics' patients do not exist here.</summary>
public sealed class PatientService(
    IDbContextFactory<AppDbContext> contexts,
    ClinicScope scope,
    TimeProvider time,
    EmailRenderer renderer,
    OutboxDispatchTrigger dispatch,
    IOptions<AppOptions> app,
    Review.AuditTrail audit)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    public async Task<PatientList> SearchAsync(string? text, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Patients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var term = text.Trim().ToLowerInvariant();
            // Runs as SQL lower(...) LIKE: the same case-insensitive match on SQLite and PostgreSQL.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(p => p.Name.ToLower().Contains(term) || p.NormalizedEmail.Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(p => p.Name)
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(take, 1, 200))
            .Select(p => new PatientSummary(
                p.Id, p.Name, p.Email, p.TimeZone, p.UserId != null,
                db.Programs.Count(g => g.PatientId == p.Id && g.Status != ProgramStatus.Ended),
                p.CreatedAt))
            .ToListAsync(cancellationToken);
        return new PatientList(items, total);
    }

    /// <summary>A patient of the clinic, for its staff: the read is written to the audit trail.</summary>
    public async Task<Patient?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is not null)
        {
            audit.Add(db, "patient.read", patient.Id);
            await db.SaveChangesAsync(cancellationToken);
        }

        return patient;
    }

    /// <summary>The patient record of a signed-in patient.</summary>
    public async Task<Patient?> FindByUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
    }

    public async Task<SaveResult<Patient>> CreateAsync(PatientDraft draft, CancellationToken cancellationToken = default)
    {
        var clinicId = scope.ClinicId ?? throw new InvalidOperationException("Patients are created by a clinic's clinicians.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, draft, null, cancellationToken);
        if (errors.Count > 0)
        {
            return SaveResult<Patient>.Invalid(errors);
        }

        var patient = new Patient { ClinicId = clinicId, Name = "", Email = "", TimeZone = "", CreatedAt = time.GetUtcNow().UtcDateTime };
        Apply(draft, patient);
        db.Patients.Add(patient);
        audit.Add(db, "patient.create", patient.Id);
        return await SaveAsync(db, patient, cancellationToken);
    }

    public async Task<SaveResult<Patient>> UpdateAsync(Guid id, PatientDraft draft, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return SaveResult<Patient>.NotFound;
        }

        var errors = await ValidateAsync(db, draft, id, cancellationToken);
        if (errors.Count > 0)
        {
            return SaveResult<Patient>.Invalid(errors);
        }

        Apply(draft, patient);
        audit.Add(db, "patient.update", patient.Id);
        return await SaveAsync(db, patient, cancellationToken);
    }

    /// <summary>
    /// Issues a new invitation (older unused ones stop working) and returns its token, which goes
    /// into the link /invite/{token}. Only the token's hash is kept.
    /// </summary>
    public async Task<SaveResult<InvitationIssued>> InviteAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return SaveResult<InvitationIssued>.NotFound;
        }

        if (patient.UserId is not null)
        {
            return SaveResult<InvitationIssued>.Invalid("invitation", "this patient already has a sign-in");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.PatientInvitations.Where(i => i.PatientId == patientId && i.AcceptedAt == null).ExecuteDeleteAsync(cancellationToken);
        var token = OneTimeToken.New();
        var invitation = new PatientInvitation
        {
            ClinicId = patient.ClinicId,
            PatientId = patientId,
            TokenHash = OneTimeToken.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
            InvitedBy = scope.UserId ?? "",
        };
        db.PatientInvitations.Add(invitation);
        audit.Add(db, "patient.invite", patientId);
        var link = app.Value.Link($"invite/{token}");
        // The email commits with the invitation: there is never one without the other.
        await OutboxWriter.EnqueueAsync(db, await InvitationEmailAsync(patient, invitation, link), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        dispatch.DispatchSoon();
        return SaveResult<InvitationIssued>.Saved(new InvitationIssued(token, link, invitation.ExpiresAt));
    }

    /// <summary>The latest invitation of a patient, to show its state on the patient's page.</summary>
    public async Task<PatientInvitation?> LatestInvitationAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PatientInvitations.AsNoTracking()
            .Where(i => i.PatientId == patientId)
            .OrderByDescending(i => i.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<OutboxMessage> InvitationEmailAsync(Patient patient, PatientInvitation invitation, string link)
    {
        const string Intro = "Your clinic has set up Prescriber for your home exercises. Choose a password to see your plan, get reminders at the times you like, and tell your clinician how each session went.";
        var html = await renderer.RenderAsync<AccountLinkEmail>(new Dictionary<string, object?>
        {
            [nameof(AccountLinkEmail.Title)] = "Your home exercise plan",
            [nameof(AccountLinkEmail.Name)] = patient.Name,
            [nameof(AccountLinkEmail.Intro)] = Intro,
            [nameof(AccountLinkEmail.Action)] = "Create my sign-in",
            [nameof(AccountLinkEmail.Link)] = link,
        });
        return new OutboxMessage
        {
            ClinicId = patient.ClinicId,
            Kind = InvitationKind,
            ToAddress = patient.Email,
            ToName = patient.Name,
            Subject = "Your home exercise plan: create your sign-in",
            HtmlBody = html,
            TextBody = $"Hello {patient.Name},\n\n{Intro}\n\nCreate my sign-in:\n{link}\n\nThe link works once, for {InvitationLifetime.Days} days.\n",
            DedupKey = $"{InvitationKind}:{invitation.Id:N}",
        };
    }

    public const string InvitationKind = "patient.invitation";


    private static async Task<List<Core.Library.ValidationError>> ValidateAsync(AppDbContext db, PatientDraft draft, Guid? self, CancellationToken cancellationToken)
    {
        var errors = PatientRules.Validate(draft, DateOnly.FromDateTime(DateTime.UtcNow)).ToList();
        if (errors.All(e => e.Field != "email"))
        {
            var normalized = draft.Email.Trim().ToLowerInvariant();
            if (await db.Patients.AnyAsync(p => p.NormalizedEmail == normalized && p.Id != self, cancellationToken))
            {
                errors.Add(new("email", "another patient of this clinic already has this email"));
            }
        }

        return errors;
    }

    private static void Apply(PatientDraft draft, Patient patient)
    {
        patient.Name = draft.Name.Trim();
        patient.Email = draft.Email.Trim();
        patient.NormalizedEmail = patient.Email.ToLowerInvariant();
        patient.TimeZone = PatientRules.CanonicalTimeZone(draft.TimeZone);
        patient.Phone = string.IsNullOrWhiteSpace(draft.Phone) ? null : draft.Phone.Trim();
        patient.DateOfBirth = draft.DateOfBirth;
    }

    private static async Task<SaveResult<Patient>> SaveAsync(AppDbContext db, Patient patient, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult<Patient>.Saved(patient);
        }
        catch (DbUpdateException)
        {
            // The unique index caught a duplicate email that raced past the check above.
            return SaveResult<Patient>.Invalid("email", "another patient of this clinic already has this email");
        }
    }
}
