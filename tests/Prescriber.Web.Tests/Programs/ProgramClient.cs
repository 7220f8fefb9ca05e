using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Prescriber.Core.Library;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Web.Tests.Library;

namespace Prescriber.Web.Tests.Programs;

/// <summary>A signed-in clinician's HTTP client with the calls the program tests make.</summary>
internal sealed class ProgramClient(HttpClient http)
{
    public HttpClient Http => http;

    public static JsonSerializerOptions Json => CustomExercises.Json;

    public async Task<Dictionary<string, Exercise>> LibraryAsync() =>
        (await http.GetFromJsonAsync<List<Exercise>>("/api/library/exercises", Json))!.ToDictionary(e => e.Slug);

    public async Task<Patient> CreatePatientAsync(string? email = null)
    {
        var response = await http.PostAsJsonAsync("/api/patients", new PatientDraft
        {
            Name = "Ada Patient",
            Email = email ?? $"ada-{Guid.NewGuid():N}@example.org",
            TimeZone = "Europe/London",
        }, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Patient>(Json))!;
    }

    public static ProgramDraft Draft(params Exercise[] exercises) => new()
    {
        Name = "Upper back, week 1",
        StartDate = new DateOnly(2026, 11, 23),
        ReminderTimes = [new TimeOnly(7, 30)],
        Exercises = exercises.Select(PrescriptionDraft.From).ToList(),
    };

    public async Task<ExerciseProgram> AssignAsync(Guid patientId, ProgramDraft draft)
    {
        var response = await http.PostAsJsonAsync($"/api/patients/{patientId}/programs", draft, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ExerciseProgram>(Json))!;
    }

    public async Task<ExerciseProgram> GetAsync(Guid programId) =>
        (await http.GetFromJsonAsync<ExerciseProgram>($"/api/programs/{programId}", Json))!;

    public Task<HttpResponseMessage> AdjustAsync(Guid programId, ProgramDraft draft) =>
        http.PutAsJsonAsync($"/api/programs/{programId}", draft, Json);
}
