using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Flags;
using Prescriber.Core.Library;
using Prescriber.Data;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Review;

/// <summary>The clinician's worklist of flags, and the clinic's flag settings. Every change is audited.</summary>
public sealed class FlagService(IDbContextFactory<AppDbContext> contexts, AuditTrail audit, TimeProvider time)
{
    public const int MaxCommentLength = 1000;

    /// <summary>Flags not yet resolved, most severe first, oldest first within a severity.</summary>
    public async Task<IReadOnlyList<FlagRow>> WorklistAsync(bool includeResolved = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from f in db.Flags.AsNoTracking()
            join p in db.Patients.AsNoTracking() on f.PatientId equals p.Id
            where includeResolved || f.Status != FlagStatus.Resolved
            // The patient's own words, so a worrying note is triaged from the list, not a click away.
            let note = db.SessionLogs.Where(s => s.Id == f.SessionId).Select(s => s.Note).FirstOrDefault()
            select new FlagRow(f.Id, f.PatientId, p.Name, f.Kind, f.Severity, f.Summary, f.CreatedAt, f.Status, f.Comment, note))
            .ToListAsync(cancellationToken);

        // Severity is stored as text; ordering by the enum's meaning happens here.
        return rows.OrderBy(r => r.Status == FlagStatus.Resolved).ThenByDescending(r => r.Severity).ThenBy(r => r.CreatedAt).ToList();
    }

    public Task<SaveResult<Flag>> AcknowledgeAsync(Guid id, string? comment, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, FlagStatus.Acknowledged, comment, cancellationToken);

    public Task<SaveResult<Flag>> ResolveAsync(Guid id, string? comment, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, FlagStatus.Resolved, comment, cancellationToken);

    /// <summary>The clinic's own zone, for showing when a flag was raised in the clinic's hours.</summary>
    public async Task<TimeZoneInfo> ClinicZoneAsync(Guid clinicId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await db.Clinics.AsNoTracking().Where(c => c.Id == clinicId).Select(c => c.TimeZone).FirstOrDefaultAsync(cancellationToken);
        return Core.Patients.PatientTime.Zone(zone ?? "UTC");
    }

    public async Task<FlagSettings> SettingsAsync(Guid clinicId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Clinics.AsNoTracking().Where(c => c.Id == clinicId).Select(c => c.FlagSettings).FirstAsync(cancellationToken);
    }

    public async Task<SaveResult<FlagSettings>> SaveSettingsAsync(Guid clinicId, FlagSettings settings, CancellationToken cancellationToken = default)
    {
        if (settings.Validate() is { Count: > 0 } errors)
        {
            return SaveResult<FlagSettings>.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clinic = await db.Clinics.FirstAsync(c => c.Id == clinicId, cancellationToken);
        clinic.FlagSettings = settings with { };
        audit.Add(db, "flags.settings", null, System.Text.Json.JsonSerializer.Serialize(settings));
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<FlagSettings>.Saved(settings);
    }

    private async Task<SaveResult<Flag>> ChangeAsync(Guid id, FlagStatus status, string? comment, CancellationToken cancellationToken)
    {
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > MaxCommentLength })
        {
            return SaveResult<Flag>.Invalid([new ValidationError("comment", $"must be at most {MaxCommentLength} characters")]);
        }

        if (status == FlagStatus.Resolved && comment is null)
        {
            return SaveResult<Flag>.Invalid([new ValidationError("comment", "say how it was resolved")]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var flag = await db.Flags.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (flag is null)
        {
            return SaveResult<Flag>.NotFound;
        }

        var was = flag.Status;
        flag.Status = status;
        flag.Comment = comment ?? flag.Comment;
        flag.ChangedAt = time.GetUtcNow().UtcDateTime;
        flag.ChangedBy = audit.UserId;
        audit.Add(db, status == FlagStatus.Resolved ? "flag.resolve" : "flag.acknowledge", flag.PatientId, $"{flag.Kind} {was} -> {status}: {comment}");
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<Flag>.Saved(flag);
    }
}
