using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prescriber.Core.Library;
using Prescriber.Core.Programs;

namespace Prescriber.Data.Library;

/// <summary>
/// Brings the shared library in line with seeds/: matched by slug, so a re-import updates rows
/// in place (raising their version when something changed) and never adds a second copy. An
/// entry that left the files is retired, not deleted, because programs may still point at it.
/// </summary>
public sealed class LibraryImporter(AppDbContext db, IOptions<LibraryOptions> options, TimeProvider time, ILogger<LibraryImporter> log)
{
    public async Task<LibraryImportResult> ImportAsync(CancellationToken cancellationToken = default)
    {
        var seeds = LibrarySeedReader.ReadFolder(options.Value.ResolveSeedFolder());
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.Exercises.IgnoreQueryFilters()
            .Where(e => e.ClinicId == null)
            .ToDictionaryAsync(e => e.Slug, cancellationToken);

        int added = 0, updated = 0, retired = 0;
        foreach (var seed in seeds.Exercises)
        {
            if (!existing.Remove(seed.Slug, out var row))
            {
                seed.UpdatedAt = now;
                db.Exercises.Add(seed);
                added++;
            }
            else if (CopyContent(seed, row))
            {
                row.Version++;
                row.UpdatedAt = now;
                updated++;
            }
        }

        foreach (var gone in existing.Values.Where(e => e.Status == ExerciseStatus.Active))
        {
            gone.Status = ExerciseStatus.Retired;
            gone.Version++;
            gone.UpdatedAt = now;
            retired++;
        }

        await ImportTemplatesAsync(seeds.Templates, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var result = new LibraryImportResult(seeds.Exercises.Count, added, updated, retired);
        log.LogInformation("Exercise library imported: {Result}", result);
        return result;
    }

    /// <summary>Shipped templates follow the same rule: matched by slug, updated in place, never duplicated.</summary>
    private async Task ImportTemplatesAsync(IReadOnlyList<ProgramTemplate> seeds, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.ProgramTemplates.IgnoreQueryFilters()
            .Where(t => t.ClinicId == null)
            .ToDictionaryAsync(t => t.Slug!, cancellationToken);
        foreach (var seed in seeds)
        {
            if (!existing.Remove(seed.Slug!, out var row))
            {
                seed.UpdatedAt = now;
                db.ProgramTemplates.Add(seed);
            }
            else if (row.Name != seed.Name || row.TimesPerDay != seed.TimesPerDay || !row.Exercises.SequenceEqual(seed.Exercises))
            {
                row.Name = seed.Name;
                row.TimesPerDay = seed.TimesPerDay;
                row.Exercises = seed.Exercises;
                row.UpdatedAt = now;
            }
        }

        // A shipped template that left the files has nothing to point at any more.
        db.ProgramTemplates.RemoveRange(existing.Values);
    }

    /// <summary>Copies what a seed file controls; returns whether anything differed.</summary>
    private static bool CopyContent(Exercise from, Exercise to)
    {
        var changed = from.Library != to.Library || from.Name != to.Name || from.Kind != to.Kind
            || from.BodyRegion != to.BodyRegion || from.Position != to.Position
            || from.Dosage != to.Dosage || from.Frequency != to.Frequency
            || from.DosageNeedsClinician != to.DosageNeedsClinician || from.EstimatedMinutes != to.EstimatedMinutes
            || from.SourceTitle != to.SourceTitle || from.SourceAuthor != to.SourceAuthor || from.SourceUrl != to.SourceUrl
            || to.Status != ExerciseStatus.Active
            || !from.Aliases.SequenceEqual(to.Aliases) || !from.TargetMuscles.SequenceEqual(to.TargetMuscles)
            || !from.Steps.SequenceEqual(to.Steps) || !from.Cues.SequenceEqual(to.Cues) || !from.Cautions.SequenceEqual(to.Cautions)
            || !from.EasierSlugs.SequenceEqual(to.EasierSlugs) || !from.HarderSlugs.SequenceEqual(to.HarderSlugs)
            || !from.Levels.SequenceEqual(to.Levels)
            || !from.Equipment.Select(Describe).SequenceEqual(to.Equipment.Select(Describe));
        if (!changed)
        {
            return false;
        }

        to.Library = from.Library;
        to.Name = from.Name;
        to.Aliases = from.Aliases;
        to.Kind = from.Kind;
        to.BodyRegion = from.BodyRegion;
        to.TargetMuscles = from.TargetMuscles;
        to.Position = from.Position;
        to.Equipment = from.Equipment;
        to.Steps = from.Steps;
        to.Cues = from.Cues;
        to.Cautions = from.Cautions;
        to.Dosage = from.Dosage;
        to.DosageNeedsClinician = from.DosageNeedsClinician;
        to.Frequency = from.Frequency;
        to.Levels = from.Levels;
        to.EasierSlugs = from.EasierSlugs;
        to.HarderSlugs = from.HarderSlugs;
        to.EstimatedMinutes = from.EstimatedMinutes;
        to.SourceTitle = from.SourceTitle;
        to.SourceAuthor = from.SourceAuthor;
        to.SourceUrl = from.SourceUrl;
        to.Status = ExerciseStatus.Active;
        return true;
    }

    // Equipment holds a list, so record equality would compare list references.
    private static string Describe(Equipment item) => item.Name + "\u001f" + string.Join("\u001f", item.Substitutes);
}
