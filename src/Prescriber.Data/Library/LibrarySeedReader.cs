using System.Text.Json;
using System.Text.Json.Serialization;
using Prescriber.Core.Library;
using Prescriber.Core.Programs;

namespace Prescriber.Data.Library;

/// <summary>
/// Reads library files strictly: an unknown property, a missing field, a value out of range or a
/// link to a slug that no file defines stops the import with the file, the entry and the field.
/// A library that is half right must not be half imported.
/// </summary>
public static class LibrarySeedReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Reads every *.json file of the folder, in name order.</summary>
    public static LibrarySeeds ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new LibrarySeedException($"The library folder '{folder}' does not exist (setting {LibraryOptions.SectionName}:SeedFolder).");
        }

        var exercises = new List<Exercise>();
        var templates = new List<(string File, ProgramTemplate Template)>();
        var origin = new Dictionary<string, string>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var file = ReadFile(name, File.ReadAllText(path));
            templates.AddRange(file.Templates.Select(t => (name, t)));
            foreach (var exercise in file.Exercises)
            {
                if (!origin.TryAdd(exercise.Slug, name))
                {
                    throw new LibrarySeedException($"{name}: exercise '{exercise.Slug}': field 'slug': already defined in {origin[exercise.Slug]}.");
                }

                exercises.Add(exercise);
            }
        }

        CheckLinks(exercises, origin);
        CheckTemplates(templates, origin);
        return new LibrarySeeds(exercises, templates.Select(t => t.Template).ToList());
    }

    /// <summary>Reads one file's text; <paramref name="fileName"/> is only used in messages.</summary>
    public static LibrarySeeds ReadFile(string fileName, string text)
    {
        SeedFile file;
        try
        {
            file = JsonSerializer.Deserialize<SeedFile>(text, Json)
                ?? throw new LibrarySeedException($"{fileName}: the file is empty.");
        }
        catch (JsonException ex)
        {
            throw new LibrarySeedException($"{fileName}: {Describe(ex, "the file", withLine: true)}", ex);
        }

        if (!ExerciseRules.IsValidSlug(file.Library))
        {
            throw new LibrarySeedException($"{fileName}: field 'library': must be lowercase letters, digits and single dashes.");
        }

        if (file.Exercises.Count == 0)
        {
            throw new LibrarySeedException($"{fileName}: field 'exercises': needs at least one exercise.");
        }

        var result = new List<Exercise>();
        for (var i = 0; i < file.Exercises.Count; i++)
        {
            var element = file.Exercises[i];
            var entry = Entry(element, i);
            SeedExercise seed;
            try
            {
                seed = element.Deserialize<SeedExercise>(Json)
                    ?? throw new LibrarySeedException($"{fileName}: {entry}: is null.");
            }
            catch (JsonException ex)
            {
                throw new LibrarySeedException($"{fileName}: {entry}: {Describe(ex, "the entry", withLine: false)}", ex);
            }

            var exercise = ToExercise(seed, file);
            var errors = ExerciseRules.Validate(exercise);
            if (errors.Count > 0)
            {
                var first = errors[0];
                var more = errors.Count > 1 ? $" (and {errors.Count - 1} more problem(s) in this entry)" : "";
                throw new LibrarySeedException($"{fileName}: {entry}: field '{first.Field}': {first.Message}{more}.");
            }

            result.Add(exercise);
        }

        return new LibrarySeeds(result, ReadTemplates(fileName, file.Templates ?? []));
    }

    private static List<ProgramTemplate> ReadTemplates(string fileName, List<SeedTemplate> seeds)
    {
        var templates = new List<ProgramTemplate>();
        for (var i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            var entry = $"template #{i + 1} '{seed.Slug}'";
            if (!ExerciseRules.IsValidSlug(seed.Slug))
            {
                throw new LibrarySeedException($"{fileName}: {entry}: field 'slug': must be lowercase letters, digits and single dashes.");
            }

            if (string.IsNullOrWhiteSpace(seed.Name))
            {
                throw new LibrarySeedException($"{fileName}: {entry}: field 'name': is required.");
            }

            if (seed.Exercises.Count == 0)
            {
                throw new LibrarySeedException($"{fileName}: {entry}: field 'exercises': needs at least one exercise.");
            }

            if (seed.TimesPerDay is < DosageLimits.MinTimesPerDay or > DosageLimits.MaxTimesPerDay)
            {
                throw new LibrarySeedException($"{fileName}: {entry}: field 'timesPerDay': must be between {DosageLimits.MinTimesPerDay} and {DosageLimits.MaxTimesPerDay}.");
            }

            templates.Add(new ProgramTemplate
            {
                Slug = seed.Slug,
                Name = seed.Name,
                TimesPerDay = seed.TimesPerDay,
                Exercises = seed.Exercises.Select(slug => new TemplateExercise { ExerciseSlug = slug }).ToList(),
            });
        }

        return templates;
    }

    private static void CheckTemplates(List<(string File, ProgramTemplate Template)> templates, Dictionary<string, string> origin)
    {
        foreach (var (file, template) in templates)
        {
            var missing = template.Exercises.FirstOrDefault(e => !origin.ContainsKey(e.ExerciseSlug));
            if (missing is not null)
            {
                throw new LibrarySeedException($"{file}: template '{template.Slug}': field 'exercises': no library exercise has the slug '{missing.ExerciseSlug}'.");
            }
        }

        var duplicate = templates.GroupBy(t => t.Template.Slug).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new LibrarySeedException($"{duplicate.Last().File}: template '{duplicate.Key}': field 'slug': already defined.");
        }
    }

    private static string Entry(JsonElement element, int index) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("slug", out var slug) && slug.ValueKind == JsonValueKind.String
            ? $"exercise #{index + 1} '{slug.GetString()}'"
            : $"exercise #{index + 1}";

    private static string Describe(JsonException ex, string where, bool withLine)
    {
        var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? null : ex.Path.TrimStart('$', '.');
        // The serializer's own message already explains the problem (missing property, wrong type,
        // unknown member); we lead with the field so it is found at a glance.
        var reason = ex.Message.Split(" Path:", 2)[0].TrimEnd('.');
        // Inside an entry the reader counts lines from the entry, not the file, so only file-level errors say a line.
        var line = withLine && ex.LineNumber is { } n ? $" (line {n + 1})" : "";
        return field is null ? $"{where} cannot be read: {reason}{line}." : $"field '{field}': {reason}{line}.";
    }

    private static Exercise ToExercise(SeedExercise seed, SeedFile file)
    {
        var source = seed.Source ?? file.Source;
        return new Exercise
        {
            Slug = seed.Slug,
            Library = file.Library,
            Name = seed.Name,
            Aliases = seed.Aliases ?? [],
            Kind = seed.Kind,
            BodyRegion = seed.BodyRegion,
            TargetMuscles = seed.TargetMuscles ?? [],
            Position = seed.Position,
            Equipment = (seed.Equipment ?? []).Select(e => new Equipment { Name = e.Name, Substitutes = e.Substitutes ?? [] }).ToList(),
            Steps = seed.Steps,
            Cues = seed.Cues ?? [],
            Cautions = seed.Cautions ?? [],
            Dosage = seed.Dosage.ToDosage(),
            DosageNeedsClinician = seed.DosageNeedsClinician,
            Frequency = new Frequency { TimesPerDay = seed.Frequency.TimesPerDay, DaysPerWeek = seed.Frequency.DaysPerWeek },
            Levels = (seed.Levels ?? []).Select(l => new ExerciseLevel
            {
                Name = l.Name,
                Instructions = l.Instructions,
                IsDefault = l.IsDefault,
                Dosage = l.Dosage?.ToDosage(),
            }).ToList(),
            EasierSlugs = seed.Easier ?? [],
            HarderSlugs = seed.Harder ?? [],
            EstimatedMinutes = seed.EstimatedMinutes,
            SourceTitle = source.Title,
            SourceAuthor = source.Author,
            SourceUrl = source.Url,
        };
    }

    private static void CheckLinks(List<Exercise> exercises, Dictionary<string, string> origin)
    {
        foreach (var exercise in exercises)
        {
            foreach (var (field, slugs) in new[] { ("easier", exercise.EasierSlugs), ("harder", exercise.HarderSlugs) })
            {
                var missing = slugs.FirstOrDefault(s => !origin.ContainsKey(s));
                if (missing is not null)
                {
                    throw new LibrarySeedException(
                        $"{origin[exercise.Slug]}: exercise '{exercise.Slug}': field '{field}': no library exercise has the slug '{missing}'.");
                }
            }
        }
    }
}
