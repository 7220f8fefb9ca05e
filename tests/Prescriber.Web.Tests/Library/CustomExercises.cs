using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Prescriber.Core.Library;

namespace Prescriber.Web.Tests.Library;

/// <summary>Drafts and JSON options shared by the library API tests.</summary>
internal static class CustomExercises
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static object Draft(string name = "Wall angel", int sets = 2, int reps = 10, int hold = 0, int? version = null) => new
    {
        name,
        kind = "mobility",
        position = "standing",
        bodyRegion = "Thoracic spine",
        equipment = new[] { new { name = "Wall", substitutes = new[] { "A door frame" } } },
        steps = new[] { "Stand with your back against a wall.", "Slide your arms up and down the wall." },
        cautions = new[] { "Stop if it hurts." },
        dosage = new { sets, reps, holdSeconds = hold, perSide = false, restSeconds = 30 },
        frequency = new { timesPerDay = 1, daysPerWeek = 5 },
        estimatedMinutes = 3,
        version,
    };

    public static async Task<Exercise> CreateAsync(HttpClient client, string name = "Wall angel")
    {
        var response = await client.PostAsJsonAsync("/api/library/exercises", Draft(name), Json);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Exercise>(Json))!;
    }
}
