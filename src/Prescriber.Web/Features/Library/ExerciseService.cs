using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Library;
using Prescriber.Data;
using Prescriber.Data.Clinics;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Library;

/// <summary>
/// The library as a clinician sees it: the shared entries plus the clinic's own. Clinic separation
/// comes from the context's query filter; this class adds what a clinician may change.
/// A context per call, because interactive pages live long and a context should not.
/// </summary>
public sealed class ExerciseService(IDbContextFactory<AppDbContext> contexts, ClinicScope scope, TimeProvider time)
{
    public async Task<IReadOnlyList<Exercise>> SearchAsync(ExerciseFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Exercises.AsNoTracking();
        if (!filter.IncludeRetired)
        {
            query = query.Where(e => e.Status == ExerciseStatus.Active);
        }

        if (filter.Position is { } position)
        {
            query = query.Where(e => e.Position == position);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        var rows = await query.ToListAsync(cancellationToken);

        // Text and equipment live in lists and JSON, which the two databases search differently;
        // a clinic's visible library is hundreds of rows at most, so matching here is simple and fast.
        return rows
            .Where(e => Matches(e, filter.Text) && HasEquipment(e, filter.Equipment))
            .OrderBy(e => e.Position)
            .ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public async Task<Exercise?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Exercises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    /// <summary>The visible, active exercises with these slugs (for easier/harder links).</summary>
    public async Task<IReadOnlyList<Exercise>> FindBySlugsAsync(IEnumerable<string> slugs, CancellationToken cancellationToken = default)
    {
        var wanted = slugs.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Exercises.AsNoTracking()
            .Where(e => wanted.Contains(e.Slug) && e.Status == ExerciseStatus.Active)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> EquipmentNamesAsync(CancellationToken cancellationToken = default)
    {
        var all = await SearchAsync(new ExerciseFilter(), cancellationToken);
        return all.SelectMany(e => e.Equipment).Select(q => q.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();
    }

    public async Task<SaveResult<Exercise>> CreateAsync(ExerciseDraft draft, CancellationToken cancellationToken = default)
    {
        var clinicId = RequireClinic();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exercise = new Exercise { Slug = "", Name = "", BodyRegion = "", ClinicId = clinicId, SourceAuthor = "Written by the clinic" };
        draft.ApplyTo(exercise);
        exercise.Slug = await FreeSlugAsync(db, clinicId, ExerciseRules.Slugify(exercise.Name), cancellationToken);
        exercise.UpdatedAt = time.GetUtcNow().UtcDateTime;

        var errors = ExerciseRules.Validate(exercise);
        if (errors.Count > 0)
        {
            return SaveResult<Exercise>.Invalid(errors);
        }

        db.Exercises.Add(exercise);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<Exercise>.Saved(exercise);
    }

    public async Task<SaveResult<Exercise>> UpdateAsync(Guid id, ExerciseDraft draft, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (exercise, refusal) = await FindWritableAsync(db, id, cancellationToken);
        if (exercise is null)
        {
            return refusal!;
        }

        if (draft.Version is { } version && version != exercise.Version)
        {
            return SaveResult<Exercise>.Conflict;
        }

        draft.ApplyTo(exercise);
        var errors = ExerciseRules.Validate(exercise);
        if (errors.Count > 0)
        {
            return SaveResult<Exercise>.Invalid(errors);
        }

        exercise.Version++;
        exercise.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Version is the concurrency token: another save landed between our read and write.
            return SaveResult<Exercise>.Conflict;
        }

        return SaveResult<Exercise>.Saved(exercise);
    }

    /// <summary>Retires or restores a custom exercise. Retired ones stay readable for old programs.</summary>
    public async Task<SaveResult<Exercise>> SetStatusAsync(Guid id, ExerciseStatus status, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (exercise, refusal) = await FindWritableAsync(db, id, cancellationToken);
        if (exercise is null)
        {
            return refusal!;
        }

        if (exercise.Status != status)
        {
            exercise.Status = status;
            exercise.Version++;
            exercise.UpdatedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return SaveResult<Exercise>.Saved(exercise);
    }

    /// <summary>A custom exercise of this clinic, tracked for a change; or why it cannot be changed.</summary>
    private async Task<(Exercise? Exercise, SaveResult<Exercise>? Refusal)> FindWritableAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        RequireClinic();
        var exercise = await db.Exercises.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return exercise switch
        {
            null => (null, SaveResult<Exercise>.NotFound),
            { IsCustom: false } => (null, SaveResult<Exercise>.ReadOnly),
            _ => (exercise, null),
        };
    }

    private Guid RequireClinic() =>
        scope.ClinicId ?? throw new InvalidOperationException("Custom exercises are written by a clinic's clinicians only.");

    private static async Task<string> FreeSlugAsync(AppDbContext db, Guid clinicId, string baseSlug, CancellationToken cancellationToken)
    {
        var root = baseSlug.Length == 0 ? "exercise" : baseSlug;
        var taken = await db.Exercises.IgnoreQueryFilters()
            .Where(e => e.ClinicId == clinicId && e.Slug.StartsWith(root))
            .Select(e => e.Slug)
            .ToListAsync(cancellationToken);
        var slug = root;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{root}-{n}";
        }

        return slug;
    }

    private static bool Matches(Exercise e, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var haystack = string.Join(' ', [e.Name, e.BodyRegion, .. e.Aliases, .. e.TargetMuscles, .. e.Equipment.Select(q => q.Name)]);
        return words.All(w => haystack.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private static bool HasEquipment(Exercise e, string? equipment) =>
        string.IsNullOrEmpty(equipment)
        || (equipment == ExerciseFilter.NoEquipment
            ? e.Equipment.Count == 0
            : e.Equipment.Any(q => string.Equals(q.Name, equipment, StringComparison.OrdinalIgnoreCase)));
}
