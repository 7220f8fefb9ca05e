using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Prescriber.Core.Clinics;
using Prescriber.Core.Library;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Library;

public abstract class LibraryApiTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task A_clinician_creates_edits_retires_and_restores_a_custom_exercise()
    {
        var client = await ClinicianAsync();

        var created = await CustomExercises.CreateAsync(client, "Wall angel");
        Assert.Equal("wall-angel", created.Slug);
        Assert.True(created.IsCustom);

        var edited = await client.PutAsJsonAsync($"/api/library/exercises/{created.Id}", CustomExercises.Draft("Wall angel", sets: 3, version: created.Version), CustomExercises.Json);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var afterEdit = (await edited.Content.ReadFromJsonAsync<Exercise>(CustomExercises.Json))!;
        Assert.Equal(3, afterEdit.Dosage.Sets);
        Assert.Equal(created.Version + 1, afterEdit.Version);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/library/exercises/{created.Id}/retire", null)).StatusCode);
        var active = await client.GetFromJsonAsync<List<Exercise>>("/api/library/exercises", CustomExercises.Json);
        Assert.DoesNotContain(active!, e => e.Id == created.Id);
        var all = await client.GetFromJsonAsync<List<Exercise>>("/api/library/exercises?includeRetired=true", CustomExercises.Json);
        Assert.Contains(all!, e => e.Id == created.Id && e.Status == ExerciseStatus.Retired);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/library/exercises/{created.Id}/restore", null)).StatusCode);
        var second = await CustomExercises.CreateAsync(client, "Wall angel");
        Assert.Equal("wall-angel-2", second.Slug);
    }

    [Fact]
    public async Task An_invalid_exercise_is_refused_with_every_field_named()
    {
        var client = await ClinicianAsync();

        var response = await client.PostAsJsonAsync("/api/library/exercises", CustomExercises.Draft(name: " ", sets: 0, reps: 101, hold: 601), CustomExercises.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["dosage.holdSeconds", "dosage.reps", "dosage.sets", "name"], problem!.Errors.Keys.Order());
        Assert.Contains("between 1 and 20", problem.Errors["dosage.sets"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request_not_a_server_error()
    {
        var client = await ClinicianAsync();

        var response = await client.PostAsync("/api/library/exercises", new StringContent("{\"name\": \"x\", \"kind\": \"yoga\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_save_over_a_newer_version_is_a_conflict_and_loses_nothing()
    {
        var client = await ClinicianAsync();
        var created = await CustomExercises.CreateAsync(client);
        await client.PutAsJsonAsync($"/api/library/exercises/{created.Id}", CustomExercises.Draft("First edit", version: created.Version), CustomExercises.Json);

        var stale = await client.PutAsJsonAsync($"/api/library/exercises/{created.Id}", CustomExercises.Draft("Second edit", version: created.Version), CustomExercises.Json);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = await client.GetFromJsonAsync<Exercise>($"/api/library/exercises/{created.Id}", CustomExercises.Json);
        Assert.Equal("First edit", current!.Name);
    }

    [Fact]
    public async Task Shared_library_exercises_cannot_be_edited_by_a_clinic()
    {
        var client = await ClinicianAsync();
        var library = await client.GetFromJsonAsync<List<Exercise>>("/api/library/exercises", CustomExercises.Json);
        var birdDog = library!.Single(e => e.Slug == "bird-dog");

        var response = await client.PutAsJsonAsync($"/api/library/exercises/{birdDog.Id}", CustomExercises.Draft("My bird dog"), CustomExercises.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Filters_narrow_by_position_kind_equipment_and_text()
    {
        var client = await ClinicianAsync();

        async Task<List<string>> Slugs(string query) =>
            (await client.GetFromJsonAsync<List<Exercise>>($"/api/library/exercises?{query}", CustomExercises.Json))!.Select(e => e.Slug).Order().ToList();

        Assert.Equal(["prone-t-raise", "swiss-ball-iytw"], await Slugs("position=lying-face-down"));
        Assert.Equal(["long-sitting-thoracic-flexion", "pectoral-stretch-foam-roll", "thoracic-extension-chair"], await Slugs("kind=stretch"));
        Assert.Equal(["pectoral-stretch-foam-roll"], await Slugs("equipment=Foam%20roll"));
        Assert.Equal(["bird-dog", "floor-snow-angels", "long-sitting-thoracic-flexion"], await Slugs("equipment=(none)"));
        Assert.Equal(["bird-dog"], await Slugs("text=BIRD"));
        Assert.Empty(await Slugs("text=bird&position=sitting"));
    }

    [Fact]
    public async Task The_api_wants_a_signed_in_clinician()
    {
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/library/exercises")).StatusCode);

        var (clinicId, _) = await App.CreateClinicUserAsync();
        var (_, patientEmail) = await App.CreateClinicUserAsync(Roles.Patient, clinicId);
        var patient = await App.SignedInClientAsync(patientEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/api/library/exercises")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.PostAsJsonAsync("/api/library/exercises", CustomExercises.Draft(), CustomExercises.Json)).StatusCode);

        var (_, adminEmail) = await App.CreateClinicUserAsync(Roles.Admin);
        var admin = await App.SignedInClientAsync(adminEmail);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/library/exercises")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/library/exercises", CustomExercises.Draft(), CustomExercises.Json)).StatusCode);
    }

    private async Task<HttpClient> ClinicianAsync()
    {
        var (_, email) = await App.CreateClinicUserAsync();
        return await App.SignedInClientAsync(email);
    }
}

public sealed class LibraryApiTestsOnSqlite(SqliteApp app) : LibraryApiTests<SqliteApp>(app);

public sealed class LibraryApiTestsOnPostgres(PostgresApp app) : LibraryApiTests<PostgresApp>(app);
