using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prescriber.Core.Library;
using Prescriber.Data;
using Prescriber.Data.Library;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Library;

public abstract class LibraryImportTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    private static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "seeds");

    [Fact]
    public async Task The_app_opens_the_configured_database()
    {
        var expected = App.Provider == DatabaseProvider.Sqlite ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL";
        Assert.Equal(expected, await App.ProviderNameAsync());
    }

    [Fact]
    public async Task Start_up_imports_the_upper_back_library()
    {
        var library = await LibraryRowsAsync();

        Assert.Equal(7, library.Count(e => e.Status == ExerciseStatus.Active));
        Assert.All(library, e => Assert.Equal("upper-back", e.Library));
        Assert.Contains(library, e => e.Slug == "bird-dog" && e.Dosage.PerSide);
        Assert.Contains(library, e => e.Slug == "swiss-ball-iytw" && e.DosageNeedsClinician);
        var pectoral = Assert.Single(library, e => e.Slug == "pectoral-stretch-foam-roll");
        Assert.True(pectoral.Levels.Count >= 3);
        Assert.Single(pectoral.Levels, l => l.IsDefault);
        Assert.Contains(pectoral.Equipment, q => q.Name == "Foam roll" && q.Substitutes.Count > 0);
    }

    [Fact]
    public async Task Importing_again_adds_and_changes_nothing()
    {
        var before = await LibraryRowsAsync();

        var result = await ImportAsync(SeedFolder);

        Assert.Equal(new LibraryImportResult(7, 0, 0, 0), result);
        var after = await LibraryRowsAsync();
        Assert.Equal(before.Select(e => (e.Id, e.Version)).Order(), after.Select(e => (e.Id, e.Version)).Order());
    }

    [Fact]
    public async Task A_changed_entry_is_updated_in_place_and_a_removed_one_is_retired()
    {
        var before = (await LibraryRowsAsync()).ToDictionary(e => e.Slug);
        var folder = Directory.CreateTempSubdirectory("seeds-").FullName;
        try
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SeedFolder, "upper-back.json")))!;
            var exercises = json["exercises"]!.AsArray();
            exercises.First(e => (string?)e!["slug"] == "bird-dog")!["name"] = "Bird dog (renamed)";
            exercises.Remove(exercises.First(e => (string?)e!["slug"] == "swiss-ball-iytw"));
            exercises.First(e => (string?)e!["slug"] == "prone-t-raise")!["harder"] = new JsonArray();
            await File.WriteAllTextAsync(Path.Combine(folder, "upper-back.json"), json.ToJsonString());

            var result = await ImportAsync(folder);

            Assert.Equal(new LibraryImportResult(6, 0, 2, 1), result);
            var after = (await LibraryRowsAsync()).ToDictionary(e => e.Slug);
            Assert.Equal(7, after.Count);
            Assert.Equal(before["bird-dog"].Id, after["bird-dog"].Id);
            Assert.Equal("Bird dog (renamed)", after["bird-dog"].Name);
            Assert.Equal(before["bird-dog"].Version + 1, after["bird-dog"].Version);
            Assert.Equal(ExerciseStatus.Retired, after["swiss-ball-iytw"].Status);
        }
        finally
        {
            await ImportAsync(SeedFolder);
            Directory.Delete(folder, recursive: true);
        }

        var restored = await LibraryRowsAsync();
        Assert.Equal(7, restored.Count(e => e.Status == ExerciseStatus.Active));
    }

    private Task<List<Exercise>> LibraryRowsAsync() =>
        App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Exercises.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.ClinicId == null).ToListAsync());

    private Task<LibraryImportResult> ImportAsync(string folder) =>
        App.InScopeAsync(sp => new LibraryImporter(
            sp.GetRequiredService<AppDbContext>(),
            Options.Create(new LibraryOptions { SeedFolder = folder }),
            TimeProvider.System,
            NullLogger<LibraryImporter>.Instance).ImportAsync());
}

public sealed class LibraryImportTestsOnSqlite(SqliteApp app) : LibraryImportTests<SqliteApp>(app);

public sealed class LibraryImportTestsOnPostgres(PostgresApp app) : LibraryImportTests<PostgresApp>(app);
