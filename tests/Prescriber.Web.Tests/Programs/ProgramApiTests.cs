using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Prescriber.Core.Programs;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Programs;

public abstract class ProgramApiTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task Adjusting_adds_a_version_and_never_rewrites_the_first()
    {
        var client = await ClinicianAsync();
        var library = await client.LibraryAsync();
        var patient = await client.CreatePatientAsync();
        var program = await client.AssignAsync(patient.Id, ProgramClient.Draft(library["thoracic-extension-chair"], library["prone-t-raise"], library["floor-snow-angels"]));
        Assert.Equal(1, program.CurrentVersion);

        var adjusted = ProgramClient.Draft(library["floor-snow-angels"], library["prone-t-raise"], library["bird-dog"]);
        adjusted.Revision = program.Revision;
        adjusted.Note = "Progressed the T raise";
        adjusted.Exercises[1].Sets = 2;
        adjusted.Exercises[1].Reps = 15;
        var response = await client.AdjustAsync(program.Id, adjusted);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var stored = await client.GetAsync(program.Id);
        Assert.Equal(2, stored.CurrentVersion);
        Assert.Equal([1, 2], stored.Versions.Select(v => v.Number));
        var first = stored.Versions[0];
        Assert.Equal(["Thoracic extension over a chair", "Prone T raise", "Floor snow angels"], first.Exercises.Select(e => e.ExerciseName));
        Assert.Equal(1, first.Exercises[1].Dosage.Sets);
        Assert.Equal(["Floor snow angels", "Prone T raise", "Bird dog"], stored.Versions[1].Exercises.Select(e => e.ExerciseName));
        Assert.Equal("Progressed the T raise", stored.Versions[1].Note);

        var changes = (await client.Http.GetFromJsonAsync<List<ProgramChange>>($"/api/programs/{program.Id}/changes?from=1&to=2", ProgramClient.Json))!;
        var lines = changes.Select(c => c.Description).ToList();
        Assert.Contains("Added Bird dog (8 times, hold 3 s, each side)", lines);
        Assert.Contains("Removed Thoracic extension over a chair", lines);
        Assert.Contains("Prone T raise: 10 times, hold 3 s → 2 x 15 times, hold 3 s, rest 30 s", lines);
        Assert.Contains(changes, c => c.Kind == ProgramChangeKind.Reordered);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/api/programs/{program.Id}/changes?from=1&to=9")).StatusCode);
    }

    [Fact]
    public async Task The_second_of_two_saves_from_one_revision_is_refused_and_nothing_is_lost()
    {
        var client = await ClinicianAsync();
        var library = await client.LibraryAsync();
        var patient = await client.CreatePatientAsync();
        var program = await client.AssignAsync(patient.Id, ProgramClient.Draft(library["bird-dog"]));

        var mine = ProgramClient.Draft(library["bird-dog"], library["prone-t-raise"]);
        mine.Revision = program.Revision;
        var theirs = ProgramClient.Draft(library["bird-dog"], library["floor-snow-angels"]);
        theirs.Revision = program.Revision;

        Assert.Equal(HttpStatusCode.OK, (await client.AdjustAsync(program.Id, mine)).StatusCode);
        var second = await client.AdjustAsync(program.Id, theirs);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("Someone saved this after you opened it", problem!.Detail, StringComparison.Ordinal);
        var stored = await client.GetAsync(program.Id);
        Assert.Equal(2, stored.Versions.Count);
        Assert.Equal(["Bird dog", "Prone T raise"], stored.Versions[1].Exercises.Select(e => e.ExerciseName));
    }

    [Fact]
    public async Task Every_program_rule_is_reported_beside_its_field()
    {
        var client = await ClinicianAsync();
        var library = await client.LibraryAsync();
        var patient = await client.CreatePatientAsync();
        var birdDog = library["bird-dog"];

        var cases = new (string Field, Action<ProgramDraft> Break)[]
        {
            ("name", d => d.Name = ""),
            ("exercises", d => d.Exercises.Clear()),
            ("exercises[0].sets", d => d.Exercises[0].Sets = 0),
            ("exercises[0].sets", d => d.Exercises[0].Sets = 21),
            ("exercises[0].reps", d => d.Exercises[0].Reps = 0),
            ("exercises[0].reps", d => d.Exercises[0].Reps = 101),
            ("exercises[0].holdSeconds", d => d.Exercises[0].HoldSeconds = 601),
            ("exercises[0].restSeconds", d => d.Exercises[0].RestSeconds = -1),
            ("exercises[0].notes", d => d.Exercises[0].Notes = new string('x', 501)),
            ("exercises[0].level", d => d.Exercises[0].Level = "Handstand"),
            ("exercises[0].substitute", d => d.Exercises[0].Substitute = "A trampoline"),
            ("exercises[0].exerciseId", d => d.Exercises[0].ExerciseId = Guid.NewGuid()),
            ("timesPerDay", d => d.TimesPerDay = 0),
            ("timesPerDay", d => d.TimesPerDay = 7),
            ("days", d => d.Days = WeekDays.None),
            ("endDate", d => d.EndDate = d.StartDate.AddDays(-1)),
            ("reminderTimes", d => d.ReminderTimes = [new TimeOnly(8, 0), new TimeOnly(8, 0)]),
        };

        foreach (var (field, breakIt) in cases)
        {
            var draft = ProgramClient.Draft(birdDog);
            breakIt(draft);
            var response = await client.Http.PostAsJsonAsync($"/api/patients/{patient.Id}/programs", draft, ProgramClient.Json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: expected 400, got {(int)response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
            Assert.True(problem!.Errors.ContainsKey(field), $"{field}: got {string.Join(", ", problem.Errors.Keys)}");
        }

        var programs = await client.Http.GetFromJsonAsync<List<ExerciseProgram>>($"/api/patients/{patient.Id}/programs", ProgramClient.Json);
        Assert.Empty(programs!);

        var program = await client.AssignAsync(patient.Id, ProgramClient.Draft(birdDog));
        var withoutRevision = await client.AdjustAsync(program.Id, ProgramClient.Draft(birdDog));
        Assert.Equal(HttpStatusCode.BadRequest, withoutRevision.StatusCode);
        Assert.Contains("revision", (await withoutRevision.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Fact]
    public async Task Every_patient_rule_is_reported_beside_its_field()
    {
        var client = await ClinicianAsync();
        var taken = await client.CreatePatientAsync();

        var cases = new (string Field, object Draft)[]
        {
            ("name", new { name = " ", email = "a@example.org", timeZone = "Europe/London" }),
            ("email", new { name = "A", email = "not-an-email", timeZone = "Europe/London" }),
            ("email", new { name = "A", email = taken.Email.ToUpperInvariant(), timeZone = "Europe/London" }),
            ("timeZone", new { name = "A", email = "b@example.org", timeZone = "Mars/Olympus_Mons" }),
            ("timeZone", new { name = "A", email = "b@example.org", timeZone = "" }),
            ("phone", new { name = "A", email = "b@example.org", timeZone = "Europe/London", phone = "call me maybe" }),
            ("dateOfBirth", new { name = "A", email = "b@example.org", timeZone = "Europe/London", dateOfBirth = "2999-01-01" }),
        };

        foreach (var (field, draft) in cases)
        {
            var response = await client.Http.PostAsJsonAsync("/api/patients", draft, ProgramClient.Json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: expected 400, got {(int)response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
            Assert.True(problem!.Errors.ContainsKey(field), $"{field}: got {string.Join(", ", problem.Errors.Keys)}");
        }
    }

    [Fact]
    public async Task Templates_round_trip_and_the_shipped_one_is_read_only()
    {
        var client = await ClinicianAsync();
        var library = await client.LibraryAsync();
        var templates = (await client.Http.GetFromJsonAsync<List<ProgramTemplate>>("/api/templates", ProgramClient.Json))!;
        var starter = Assert.Single(templates, t => t.Name == "Upper back starter");

        var starterDraft = (await client.Http.GetFromJsonAsync<ProgramDraft>($"/api/templates/{starter.Id}/draft?startDate=2026-12-01", ProgramClient.Json))!;
        Assert.Equal(6, starterDraft.Exercises.Count);
        Assert.Equal(new DateOnly(2026, 12, 1), starterDraft.StartDate);
        Assert.Equal(library["thoracic-extension-chair"].Id, starterDraft.Exercises[0].ExerciseId);
        Assert.Equal(30, starterDraft.Exercises[0].HoldSeconds);

        var mine = ProgramClient.Draft(library["bird-dog"], library["prone-t-raise"]);
        mine.Exercises[1].Sets = 2;
        var created = await client.Http.PostAsJsonAsync("/api/templates", new { name = "Desk worker", program = mine }, ProgramClient.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var template = (await created.Content.ReadFromJsonAsync<ProgramTemplate>(ProgramClient.Json))!;

        Assert.Equal(HttpStatusCode.OK, (await client.Http.PutAsJsonAsync($"/api/templates/{template.Id}", new { name = "Desk worker, gentle" }, ProgramClient.Json)).StatusCode);
        var back = (await client.Http.GetFromJsonAsync<ProgramDraft>($"/api/templates/{template.Id}/draft", ProgramClient.Json))!;
        Assert.Equal("Desk worker, gentle", back.Name);
        Assert.Equal([library["bird-dog"].Id, library["prone-t-raise"].Id], back.Exercises.Select(e => e.ExerciseId));
        Assert.Equal(2, back.Exercises[1].Sets);
        Assert.Equal(Side.Both, back.Exercises[0].Side);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.PutAsJsonAsync($"/api/templates/{starter.Id}", new { name = "Mine now" }, ProgramClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.DeleteAsync($"/api/templates/{starter.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PutAsJsonAsync($"/api/templates/{template.Id}", new { name = "" }, ProgramClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.DeleteAsync($"/api/templates/{template.Id}")).StatusCode);
        var after = (await client.Http.GetFromJsonAsync<List<ProgramTemplate>>("/api/templates", ProgramClient.Json))!;
        Assert.DoesNotContain(after, t => t.Id == template.Id);
    }

    [Fact]
    public async Task A_program_pauses_resumes_and_ends()
    {
        var client = await ClinicianAsync();
        var library = await client.LibraryAsync();
        var patient = await client.CreatePatientAsync();
        var program = await client.AssignAsync(patient.Id, ProgramClient.Draft(library["bird-dog"]));

        Assert.Equal(HttpStatusCode.OK, (await client.Http.PostAsync($"/api/programs/{program.Id}/pause?reason=flare-up", null)).StatusCode);
        var paused = await client.GetAsync(program.Id);
        Assert.Equal(ProgramStatus.Paused, paused.Status);
        var pause = Assert.Single(paused.Pauses);
        Assert.Equal("flare-up", pause.Reason);
        Assert.Null(pause.To);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.PostAsync($"/api/programs/{program.Id}/pause", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.PostAsync($"/api/programs/{program.Id}/resume", null)).StatusCode);
        var resumed = await client.GetAsync(program.Id);
        Assert.Equal(ProgramStatus.Active, resumed.Status);
        Assert.Empty(resumed.Pauses); // paused and resumed the same day: no paused day to count

        Assert.Equal(HttpStatusCode.OK, (await client.Http.PostAsync($"/api/programs/{program.Id}/end", null)).StatusCode);
        var ended = await client.GetAsync(program.Id);
        Assert.Equal(ProgramStatus.Ended, ended.Status);
        var draft = ProgramClient.Draft(library["bird-dog"]);
        draft.Revision = ended.Revision;
        Assert.Equal(HttpStatusCode.BadRequest, (await client.AdjustAsync(program.Id, draft)).StatusCode);
    }

    private async Task<ProgramClient> ClinicianAsync()
    {
        var (_, email) = await App.CreateClinicUserAsync();
        return new ProgramClient(await App.SignedInClientAsync(email));
    }
}

public sealed class ProgramApiTestsOnSqlite(SqliteApp app) : ProgramApiTests<SqliteApp>(app);

public sealed class ProgramApiTestsOnPostgres(PostgresApp app) : ProgramApiTests<PostgresApp>(app);
