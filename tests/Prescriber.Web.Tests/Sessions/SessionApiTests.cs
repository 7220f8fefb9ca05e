using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Prescriber.Core.Flags;
using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;
using Prescriber.Web.Features.Patients;
using Prescriber.Web.Features.Sessions;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Sessions;

public abstract class SessionApiTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task A_session_is_stored_once_however_often_it_is_sent()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var body = setup.Submission(key: "tap-tap-0001");

        var first = await setup.PostAsync(body);
        var again = await setup.PostAsync(body);
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => setup.PostAsync(setup.Submission(key: "race-0000001"))));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var firstReceipt = await first.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json);
        var againReceipt = await again.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json);
        Assert.Equal(firstReceipt!.Id, againReceipt!.Id);
        Assert.Equal(SessionStatus.Completed, firstReceipt.Status);
        Assert.All(racing, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"got {(int)r.StatusCode}"));
        Assert.Single(racing, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(2, await setup.StoredSessionsAsync());
    }

    [Fact]
    public async Task Late_logs_are_taken_for_48_hours_after_the_day_and_marked()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var today = Today(setup);

        var yesterday = await setup.PostAsync(setup.Submission(date: today.AddDays(-1)));
        var twoDaysBack = await setup.PostAsync(setup.Submission(date: today.AddDays(-2)));
        var tooLate = await setup.PostAsync(setup.Submission(date: today.AddDays(-3)));
        var future = await setup.PostAsync(setup.Submission(date: today.AddDays(1)));

        Assert.Equal(HttpStatusCode.Created, yesterday.StatusCode);
        Assert.True((await yesterday.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json))!.Retrospective);
        Assert.Equal(HttpStatusCode.Created, twoDaysBack.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        Assert.Contains("date", (await tooLate.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(2, await setup.StoredSessionsAsync());
    }

    [Fact]
    public async Task Expired_tampered_other_purpose_and_other_patient_links_are_refused()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var other = await LoggingSetup.CreateAsync(App);
        var body = setup.Submission();

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().PostAsJsonAsync("/api/sessions", body, LoggingSetup.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await setup.PostAsync(body, App.TodayToken(setup.Patient.Id, setup.Program.Id, TimeSpan.FromSeconds(-5)))).StatusCode);
        var tampered = setup.Token[..^4] + (setup.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await setup.PostAsync(body, tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await setup.PostAsync(body, App.TodayToken(setup.Patient.Id, setup.Program.Id, TimeSpan.FromDays(1), PatientLinkPurpose.OptOut))).StatusCode);
        // Another clinic's patient: the program is invisible to them, so it is simply not theirs.
        var otherClinic = await setup.PostAsync(body, other.Token);
        Assert.Equal(HttpStatusCode.BadRequest, otherClinic.StatusCode);
        Assert.Contains("programId", (await otherClinic.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        // Another patient of the same clinic: the program exists, and this link may not log for it.
        var neighbour = await setup.Clinician.CreatePatientAsync();
        var forbidden = await setup.PostAsync(body, App.TodayToken(neighbour.Id, null, TimeSpan.FromDays(1)));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType!.MediaType);

        Assert.Equal(0, await setup.StoredSessionsAsync());
        Assert.Equal(0, await other.StoredSessionsAsync());
    }

    [Fact]
    public async Task Each_field_rule_names_its_field_and_stores_nothing()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var items = setup.Current.Exercises;
        var cases = new (string Field, object Body)[]
        {
            ("painBefore", setup.Submission(painBefore: 11)),
            ("painAfter", setup.Submission(painAfter: -1)),
            ("idempotencyKey", setup.Submission(key: "x")),
            ("entries", new { programId = setup.Program.Id, idempotencyKey = "k-0000000001", entries = new[] { new { prescribedExerciseId = items[0].Id, outcome = "done" } } }),
            ("entries[0].skipReason", new { programId = setup.Program.Id, idempotencyKey = "k-0000000002", entries = items.Select(e => new { prescribedExerciseId = e.Id, outcome = "skipped" }).ToArray() }),
            ("entries[0].prescribedExerciseId", new { programId = setup.Program.Id, idempotencyKey = "k-0000000003", entries = new[] { new { prescribedExerciseId = Guid.NewGuid(), outcome = "done" } } }),
            ("note", setup.Submission(note: new string('x', 2001))),
        };
        foreach (var (field, body) in cases)
        {
            var response = await setup.PostAsync(body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: got {(int)response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
            Assert.True(problem!.Errors.ContainsKey(field), $"{field}: got {string.Join(", ", problem.Errors.Keys)}");
        }

        Assert.Equal(0, await setup.StoredSessionsAsync());
    }

    [Fact]
    public async Task A_thousand_malformed_payloads_get_client_errors_and_store_nothing()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var client = setup.ApiClient();
        var statuses = new Dictionary<int, int>();

        foreach (var (content, type) in MalformedPayloads.Generate(setup, 1000, seed: 20261124))
        {
            var response = await client.PostAsync("/api/sessions", new StringContent(content, System.Text.Encoding.UTF8, type));
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status is 400 or 403 or 415, $"{status} for: {content[..Math.Min(content.Length, 200)]}");
            if (response.Content.Headers.ContentLength > 0)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            }
        }

        Assert.Equal(1000, statuses.Values.Sum());
        Assert.Equal(0, await setup.StoredSessionsAsync());
    }

    [Fact]
    public async Task Worrying_pain_and_words_bring_the_checklist_and_flags_reach_the_clinician()
    {
        var setup = await LoggingSetup.CreateAsync(App);

        var logged = await setup.PostAsync(setup.Submission(painBefore: 3, painAfter: 7, note: "sharp pain spreading into my left arm"));
        var receipt = (await logged.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json))!;

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        Assert.Equal(ScreeningState.Pending, receipt.Screening);
        Assert.Equal(10, receipt.Checklist!.Count);
        var first = Assert.Single(await setup.FlagsAsync());
        Assert.Equal(FlagKind.RedFlagWords, first.Kind);
        Assert.Equal(ScreeningTier.Urgent, first.Severity);
        Assert.Contains("pain rose from 3 to 7", first.Summary, StringComparison.Ordinal);

        var answered = await setup.ApiClient().PostAsJsonAsync($"/api/sessions/{receipt.Id}/screening", new { yes = new[] { 1, 5 } }, LoggingSetup.Json);
        var result = (await answered.Content.ReadFromJsonAsync<ScreeningResult>(LoggingSetup.Json))!;
        Assert.Equal(ScreeningTier.Emergency, result.Tier);
        Assert.Contains("call emergency services", result.Message, StringComparison.Ordinal);
        Assert.Equal((receipt.LocalDate, receipt.Status), (result.LocalDate, result.Status));
        var flags = await setup.FlagsAsync();
        Assert.Equal(2, flags.Count);
        Assert.Equal(ScreeningTier.Emergency, flags[1].Severity);
        Assert.Equal(FlagKind.RedFlagAnswer, flags[1].Kind);

        var again = await setup.ApiClient().PostAsJsonAsync($"/api/sessions/{receipt.Id}/screening", new { yes = Array.Empty<int>() }, LoggingSetup.Json);
        Assert.Equal(ScreeningTier.Emergency, (await again.Content.ReadFromJsonAsync<ScreeningResult>(LoggingSetup.Json))!.Tier);
        Assert.Equal(2, (await setup.FlagsAsync()).Count);

        var calm = await setup.PostAsync(setup.Submission(painBefore: 2, painAfter: 2, note: "no chest pain, felt good"));
        Assert.Equal(ScreeningState.NotNeeded, (await calm.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json))!.Screening);
    }

    [Fact]
    public async Task A_note_about_ending_ones_life_reaches_the_clinician_at_once_and_points_the_patient_to_a_crisis_line()
    {
        var setup = await LoggingSetup.CreateAsync(App);

        var logged = await setup.PostAsync(setup.Submission(painBefore: 2, painAfter: 2, note: "did them but honestly some days I want to end it all"));
        var receipt = (await logged.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json))!;
        Assert.Equal(ScreeningState.Pending, receipt.Screening);
        // The crisis line comes with the receipt, before any question is answered.
        Assert.Equal(SafetyChecklist.CrisisLine, receipt.AtOnce);
        var flag = Assert.Single(await setup.FlagsAsync());
        Assert.Equal(ScreeningTier.Urgent, flag.Severity);
        Assert.Contains(NoteScreen.SelfHarm, flag.Summary, StringComparison.Ordinal);

        // Every answer "no": the words alone keep it urgent, and the patient reads where to call.
        var answered = await setup.ApiClient().PostAsJsonAsync($"/api/sessions/{receipt.Id}/screening", new { yes = Array.Empty<int>() }, LoggingSetup.Json);
        var result = (await answered.Content.ReadFromJsonAsync<ScreeningResult>(LoggingSetup.Json))!;
        Assert.Equal(ScreeningTier.Urgent, result.Tier);
        Assert.Contains(SafetyChecklist.CrisisLine, result.Message, StringComparison.Ordinal);

        // A note without those words gets the tier's message alone.
        var other = await setup.PostAsync(setup.Submission(painBefore: 2, painAfter: 2, note: "my fingers were tingling"));
        var otherReceipt = (await other.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json))!;
        Assert.Null(otherReceipt.AtOnce);
        var otherId = otherReceipt.Id;
        var plain = await setup.ApiClient().PostAsJsonAsync($"/api/sessions/{otherId}/screening", new { yes = Array.Empty<int>() }, LoggingSetup.Json);
        Assert.DoesNotContain(SafetyChecklist.CrisisLine, (await plain.Content.ReadFromJsonAsync<ScreeningResult>(LoggingSetup.Json))!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skipped_exercise_makes_a_partial_session_and_keeps_its_reason()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var items = setup.Current.Exercises;
        var body = new
        {
            programId = setup.Program.Id,
            idempotencyKey = Guid.NewGuid().ToString("N"),
            entries = new object[]
            {
                new { prescribedExerciseId = items[0].Id, outcome = "skipped", skipReason = "pain" },
                new { prescribedExerciseId = items[1].Id, outcome = "partial", setsDone = 1, repsDone = 4 },
            },
        };

        var response = await setup.PostAsync(body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(SessionStatus.Partial, (await response.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json))!.Status);
    }

    private static DateOnly Today(LoggingSetup setup) =>
        Core.Patients.PatientTime.Today(DateTimeOffset.UtcNow, setup.Patient.TimeZone);
}

public sealed class SessionApiTestsOnSqlite(SqliteApp app) : SessionApiTests<SqliteApp>(app);

public sealed class SessionApiTestsOnPostgres(PostgresApp app) : SessionApiTests<PostgresApp>(app);
