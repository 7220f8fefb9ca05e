using System.Text.Json.Nodes;
using Prescriber.Data.Library;

namespace Prescriber.Web.Tests.Library;

public sealed class LibrarySeedReaderTests
{
    private static readonly string RealFile = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "upper-back.json"));

    [Fact]
    public void The_shipped_library_reads_in_routine_order()
    {
        var seeds = LibrarySeedReader.ReadFile("upper-back.json", RealFile);
        var exercises = seeds.Exercises;

        Assert.Equal(
            ["thoracic-extension-chair", "pectoral-stretch-foam-roll", "prone-t-raise", "floor-snow-angels", "long-sitting-thoracic-flexion", "bird-dog", "swiss-ball-iytw"],
            exercises.Select(e => e.Slug));
        Assert.All(exercises, e => Assert.False(string.IsNullOrEmpty(e.SourceTitle)));
        Assert.All(exercises, e => Assert.NotEmpty(e.Cautions));
        Assert.InRange(exercises.Sum(e => e.EstimatedMinutes), 12, 15);
        var snowAngels = exercises.Single(e => e.Slug == "floor-snow-angels");
        Assert.Contains(snowAngels.Levels, l => l.Name.Contains("knees bent", StringComparison.OrdinalIgnoreCase) && l.IsDefault);
        Assert.Contains(snowAngels.Levels, l => l.Name.Contains("legs straight", StringComparison.OrdinalIgnoreCase));
        var starter = Assert.Single(seeds.Templates);
        Assert.Equal("Upper back starter", starter.Name);
        Assert.Equal(exercises.Take(6).Select(e => e.Slug), starter.Exercises.Select(e => e.ExerciseSlug));
    }

    public static TheoryData<string, Func<JsonNode, JsonNode>, string[]> Breakages => new()
    {
        { "unknown property", j => { Exercise(j, 2)["colour"] = "red"; return j; }, ["exercise #3 'prone-t-raise'", "colour"] },
        { "missing name", j => { Exercise(j, 1).AsObject().Remove("name"); return j; }, ["exercise #2 'pectoral-stretch-foam-roll'", "name"] },
        { "sets out of range", j => { Exercise(j, 5)["dosage"]!["sets"] = 0; return j; }, ["exercise #6 'bird-dog'", "field 'dosage.sets'", "between 1 and 20"] },
        { "hold out of range", j => { Exercise(j, 0)["dosage"]!["holdSeconds"] = 6000; return j; }, ["exercise #1 'thoracic-extension-chair'", "field 'dosage.holdSeconds'"] },
        { "wrong type", j => { Exercise(j, 3)["dosage"]!["reps"] = "ten"; return j; }, ["exercise #4 'floor-snow-angels'", "dosage.reps"] },
        { "unknown kind", j => { Exercise(j, 3)["kind"] = "yoga"; return j; }, ["exercise #4 'floor-snow-angels'", "kind"] },
        { "bad slug", j => { Exercise(j, 4)["slug"] = "Long Sitting"; return j; }, ["exercise #5 'Long Sitting'", "field 'slug'"] },
        { "empty steps", j => { Exercise(j, 6)["steps"] = new JsonArray(); return j; }, ["exercise #7 'swiss-ball-iytw'", "field 'steps'"] },
        { "two default levels", j => { foreach (var l in Exercise(j, 1)["levels"]!.AsArray()) { l!["default"] = true; } return j; }, ["'pectoral-stretch-foam-roll'", "field 'levels'"] },
        { "no exercises", j => { j["exercises"] = new JsonArray(); return j; }, ["field 'exercises'"] },
        { "template without exercises", j => { j["templates"]![0]!["exercises"] = new JsonArray(); return j; }, ["template #1 'upper-back-starter'", "field 'exercises'"] },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_file_names_the_file_the_entry_and_the_field(string why, Func<JsonNode, JsonNode> breakIt, string[] expected)
    {
        var broken = breakIt(JsonNode.Parse(RealFile)!).ToJsonString();

        var error = Assert.Throws<LibrarySeedException>(() => LibrarySeedReader.ReadFile("upper-back.json", broken));

        Assert.StartsWith("upper-back.json: ", error.Message, StringComparison.Ordinal);
        Assert.All(expected, part => Assert.Contains(part, error.Message, StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public void Invalid_json_names_the_file_and_the_line()
    {
        var error = Assert.Throws<LibrarySeedException>(() => LibrarySeedReader.ReadFile("broken.json", "{\n  \"library\": \"x\",\n  oops\n}"));

        Assert.StartsWith("broken.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("line", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_link_to_an_unknown_slug_is_refused_across_the_folder()
    {
        var json = JsonNode.Parse(RealFile)!;
        Exercise(json, 2)["harder"] = new JsonArray("no-such-exercise");
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "upper-back.json"), json.ToJsonString());

        var error = Assert.Throws<LibrarySeedException>(() => LibrarySeedReader.ReadFolder(folder.Path));

        Assert.Equal("upper-back.json: exercise 'prone-t-raise': field 'harder': no library exercise has the slug 'no-such-exercise'.", error.Message);
    }

    [Fact]
    public void The_same_slug_in_two_files_is_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "a.json"), RealFile);
        File.WriteAllText(Path.Combine(folder.Path, "b.json"), RealFile);

        var error = Assert.Throws<LibrarySeedException>(() => LibrarySeedReader.ReadFolder(folder.Path));

        Assert.Contains("b.json: exercise 'thoracic-extension-chair': field 'slug': already defined in a.json", error.Message, StringComparison.Ordinal);
    }

    private static JsonNode Exercise(JsonNode file, int index) => file["exercises"]![index]!;

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("seeds-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
