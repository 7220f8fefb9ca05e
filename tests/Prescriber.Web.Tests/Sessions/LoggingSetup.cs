using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;
using Prescriber.Data;
using Prescriber.Web.Features.Patients;
using Prescriber.Web.Features.Review;
using Prescriber.Web.Tests.Infrastructure;
using Prescriber.Web.Tests.Programs;

namespace Prescriber.Web.Tests.Sessions;

/// <summary>A clinic with a patient on a program, and the patient's signed "today" link.</summary>
internal sealed record LoggingSetup(PrescriberApp App, ProgramClient Clinician, Patient Patient, ExerciseProgram Program, string Token)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static Task<LoggingSetup> CreateAsync(PrescriberApp app, params string[] slugs) =>
        CreateAsync(app, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)), slugs);

    /// <summary>A patient with a plan of the given exercises (prone T raise and bird dog when none) starting on <paramref name="startDate"/>.</summary>
    public static async Task<LoggingSetup> CreateAsync(PrescriberApp app, DateOnly startDate, params string[] slugs)
    {
        var (_, email) = await app.CreateClinicUserAsync();
        var clinician = new ProgramClient(await app.SignedInClientAsync(email));
        var library = await clinician.LibraryAsync();
        var patient = await clinician.CreatePatientAsync();
        var chosen = (slugs.Length == 0 ? ["prone-t-raise", "bird-dog"] : slugs).Select(s => library[s]).ToArray();
        var draft = ProgramClient.Draft(chosen);
        draft.StartDate = startDate;
        var program = await clinician.AssignAsync(patient.Id, draft);
        program = await clinician.GetAsync(program.Id);
        return new LoggingSetup(app, clinician, patient, program, app.TodayToken(patient.Id, program.Id, TimeSpan.FromDays(2)));
    }

    public ProgramVersion Current => Program.Versions.Single(v => v.Number == Program.CurrentVersion);

    public HttpClient ApiClient(string? token = null)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return client;
    }

    /// <summary>A valid submission: every exercise done, pain 3 to 3.</summary>
    public object Submission(string? key = null, int painBefore = 3, int painAfter = 3, string? note = null, DateOnly? date = null) => new
    {
        programId = Program.Id,
        date,
        painBefore,
        painAfter,
        difficulty = 4,
        note,
        idempotencyKey = key ?? Guid.NewGuid().ToString("N"),
        entries = Current.Exercises.Select(e => new { prescribedExerciseId = e.Id, outcome = "done" }).ToArray(),
    };

    public Task<HttpResponseMessage> PostAsync(object body, string? token = null) =>
        ApiClient(token).PostAsJsonAsync("/api/sessions", body, Json);

    public Task<int> StoredSessionsAsync() =>
        App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SessionLogs.IgnoreQueryFilters().CountAsync(s => s.PatientId == Patient.Id));

    /// <summary>
    /// The patient's flags once the clinic's flag rules have run: the test host has no worker
    /// (Jobs:Enabled is off), so this drains the queued checks as the worker does seconds after a log.
    /// </summary>
    public async Task<List<Core.Flags.Flag>> FlagsAsync()
    {
        await RunQueuedFlagChecksAsync();
        return await FlagsNowAsync();
    }

    /// <summary>The patient's flags as they are, before any queued rule has run: what is raised at once.</summary>
    public Task<List<Core.Flags.Flag>> FlagsNowAsync() =>
        App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Flags.IgnoreQueryFilters().Where(f => f.PatientId == Patient.Id).OrderBy(f => f.CreatedAt).ToListAsync());

    public Task RunQueuedFlagChecksAsync() =>
        App.InScopeAsync(sp => sp.GetRequiredService<FlagCheckJob>().RunAsync(CancellationToken.None));

    /// <summary>The patient's sessions whose flag rules have not run yet.</summary>
    public Task<int> QueuedFlagChecksAsync() =>
        App.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return db.QueuedFlagChecks.CountAsync(q => db.SessionLogs.IgnoreQueryFilters().Any(s => s.Id == q.SessionId && s.PatientId == Patient.Id));
        });
}

internal static class TodayTokens
{
    public static string TodayToken(this PrescriberApp app, Guid patientId, Guid? programId, TimeSpan lifetime, PatientLinkPurpose purpose = PatientLinkPurpose.Today) =>
        app.Services.GetRequiredService<PatientLinks>().CreateToken(purpose, patientId, programId, DateTimeOffset.UtcNow + lifetime);
}
