using Microsoft.EntityFrameworkCore;
using Prescriber.Core.Library;
using Prescriber.Core.Programs;
using Prescriber.Data;
using Prescriber.Data.Clinics;
using Prescriber.Web.Features.Common;

namespace Prescriber.Web.Features.Programs;

/// <summary>Reusable routines: the shipped ones (read-only) and the clinic's own.</summary>
public sealed class TemplateService(IDbContextFactory<AppDbContext> contexts, ClinicScope scope, TimeProvider time)
{
    public async Task<IReadOnlyList<ProgramTemplate>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var templates = await db.ProgramTemplates.AsNoTracking().ToListAsync(cancellationToken);
        return templates.OrderBy(t => t.IsShipped ? 0 : 1).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Saves the exercises and schedule of a draft (usually the builder's) as a clinic template.</summary>
    public async Task<SaveResult<ProgramTemplate>> CreateAsync(string name, ProgramDraft draft, CancellationToken cancellationToken = default)
    {
        var clinicId = scope.ClinicId ?? throw new InvalidOperationException("Templates belong to a clinic.");
        var errors = CheckName(name);
        if (draft.Exercises.Count == 0)
        {
            errors.Add(new("exercises", "add at least one exercise"));
        }

        errors.AddRange(ProgramRules.Validate(draft).Where(e => e.Field.StartsWith("exercises", StringComparison.Ordinal)));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = draft.Exercises.Select(e => e.ExerciseId).ToList();
        var slugs = await db.Exercises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Slug, cancellationToken);
        for (var i = 0; i < draft.Exercises.Count; i++)
        {
            if (!slugs.ContainsKey(draft.Exercises[i].ExerciseId))
            {
                errors.Add(new($"exercises[{i}].exerciseId", "is not an exercise of this clinic's library"));
            }
        }

        if (errors.Count > 0)
        {
            return SaveResult<ProgramTemplate>.Invalid(errors.DistinctBy(e => e.Field + e.Message).ToList());
        }

        var template = new ProgramTemplate
        {
            ClinicId = clinicId,
            Name = name.Trim(),
            TimesPerDay = draft.TimesPerDay,
            Days = draft.Days,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
            Exercises = draft.Exercises.Select(e => new TemplateExercise
            {
                ExerciseSlug = slugs[e.ExerciseId],
                ExerciseId = e.ExerciseId,
                Dosage = e.ToDosage(),
                Side = e.Side,
                Level = e.Level,
                Notes = e.Notes,
            }).ToList(),
        };
        db.ProgramTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<ProgramTemplate>.Saved(template);
    }

    public async Task<SaveResult<ProgramTemplate>> RenameAsync(Guid id, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.ProgramTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return SaveResult<ProgramTemplate>.NotFound;
        }

        if (template.IsShipped)
        {
            return SaveResult<ProgramTemplate>.ReadOnly;
        }

        var errors = CheckName(name);
        if (errors.Count > 0)
        {
            return SaveResult<ProgramTemplate>.Invalid(errors);
        }

        template.Name = name.Trim();
        template.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<ProgramTemplate>.Saved(template);
    }

    public async Task<SaveResult<ProgramTemplate>> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.ProgramTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return SaveResult<ProgramTemplate>.NotFound;
        }

        if (template.IsShipped)
        {
            return SaveResult<ProgramTemplate>.ReadOnly;
        }

        db.ProgramTemplates.Remove(template);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult<ProgramTemplate>.Saved(template);
    }

    /// <summary>
    /// A builder draft from a template. Exercises retired or gone since the template was saved are
    /// left out (the builder says so); missing dosages take the exercise's default.
    /// </summary>
    public async Task<SaveResult<ProgramDraft>> ToDraftAsync(Guid id, DateOnly startDate, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.ProgramTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return SaveResult<ProgramDraft>.NotFound;
        }

        var active = await db.Exercises.AsNoTracking().Where(e => e.Status == ExerciseStatus.Active).ToListAsync(cancellationToken);
        var byId = active.ToDictionary(e => e.Id);
        var librarySlugs = active.Where(e => e.ClinicId is null).ToDictionary(e => e.Slug);
        var draft = new ProgramDraft { Name = template.Name, TimesPerDay = template.TimesPerDay, Days = template.Days, StartDate = startDate };
        foreach (var line in template.Exercises)
        {
            var exercise = line.ExerciseId is { } exerciseId && byId.TryGetValue(exerciseId, out var own) ? own
                : librarySlugs.GetValueOrDefault(line.ExerciseSlug);
            if (exercise is null)
            {
                continue;
            }

            var item = PrescriptionDraft.From(exercise);
            if (line.Dosage is { } dosage)
            {
                item.Sets = dosage.Sets;
                item.Reps = dosage.Reps;
                item.HoldSeconds = dosage.HoldSeconds;
                item.RestSeconds = dosage.RestSeconds;
                item.Side = line.Side;
                item.Level = line.Level;
                item.Notes = line.Notes;
            }

            draft.Exercises.Add(item);
        }

        return SaveResult<ProgramDraft>.Saved(draft);
    }

    private static List<ValidationError> CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? [new("name", "is required")]
        : name.Trim().Length > ExerciseRules.MaxNameLength ? [new("name", $"must be at most {ExerciseRules.MaxNameLength} characters")]
        : [];
}
