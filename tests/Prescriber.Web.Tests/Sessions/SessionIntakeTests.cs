using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Core.Flags;
using Prescriber.Core.Safety;
using Prescriber.Core.Sessions;
using Prescriber.Data;
using Prescriber.Web.Features.Sessions;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Sessions;

/// <summary>
/// Sessions that arrive together are read and saved together (SessionIntake): each must still be
/// answered on its own merits, stored once, and a bad one must not take the others down with it.
/// </summary>
public abstract class SessionIntakeTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task Sessions_sent_together_are_each_answered_on_their_own_and_stored_once()
    {
        var patients = new List<LoggingSetup>();
        for (var i = 0; i < 3; i++)
        {
            patients.Add(await LoggingSetup.CreateAsync(App));
        }

        var sends = new List<(LoggingSetup Setup, string Kind, Task<HttpResponseMessage> Response)>();
        foreach (var setup in patients)
        {
            for (var n = 0; n < 12; n++)
            {
                sends.Add((setup, "fine", setup.PostAsync(setup.Submission(painBefore: n % 4, painAfter: n % 4, note: $"felt fine, round {n}"))));
            }

            sends.Add((setup, "worrying", setup.PostAsync(setup.Submission(painBefore: 3, painAfter: 7, note: "sharp pain spreading into my left arm"))));
            sends.Add((setup, "out of range", setup.PostAsync(setup.Submission(painBefore: 11))));
            // Another clinic's patient naming this plan: refused as if it did not exist.
            sends.Add((setup, "another clinic's plan", setup.PostAsync(setup.Submission(), patients[(patients.IndexOf(setup) + 1) % patients.Count].Token)));
        }

        await Task.WhenAll(sends.Select(s => s.Response));

        foreach (var (setup, kind, response) in sends)
        {
            var status = (await response).StatusCode;
            var expected = kind switch
            {
                "fine" or "worrying" => HttpStatusCode.Created,
                _ => HttpStatusCode.BadRequest,
            };
            Assert.True(expected == status, $"{kind} for {setup.Patient.Name}: {(int)status} {await (await response).Content.ReadAsStringAsync()}");
        }

        foreach (var setup in patients)
        {
            Assert.Equal(13, await setup.StoredSessionsAsync());
            var stored = await App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().SessionLogs.IgnoreQueryFilters()
                .Include(s => s.Entries).Where(s => s.PatientId == setup.Patient.Id).ToListAsync());
            Assert.All(stored, s => Assert.Equal(setup.Current.Exercises.Count, s.Entries.Count));
            Assert.All(stored, s => Assert.Equal(setup.Patient.ClinicId, s.ClinicId));
            var worrying = Assert.Single(stored, s => s.PainAfter == 7);
            Assert.Equal("sharp pain spreading into my left arm", worrying.Note);
            Assert.Equal(ScreeningState.Pending, worrying.Screening);
            Assert.Equal(12, stored.Count(s => s.Note!.StartsWith("felt fine", StringComparison.Ordinal) && s.Screening == ScreeningState.NotNeeded));
            var flag = Assert.Single(await setup.FlagsNowAsync());
            Assert.Equal(worrying.Id, flag.SessionId);
            Assert.Equal(FlagKind.RedFlagWords, flag.Kind);
            Assert.Equal(13, await setup.QueuedFlagChecksAsync());
        }
    }

    [Fact]
    public async Task Copies_of_one_submit_sent_to_two_servers_at_once_store_one_session()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        // A second node: its own intake, desks and caches, the same database.
        await using var second = App.WithWebHostBuilder(_ => { });
        var clients = new[] { setup.ApiClient(), Client(second, setup.Token) };

        var sends = new List<(string Key, Task<HttpResponseMessage> Response)>();
        for (var k = 0; k < 8; k++)
        {
            var key = $"copy-{k:D4}-{Guid.NewGuid():N}";
            var body = setup.Submission(key: key);
            for (var copy = 0; copy < 6; copy++)
            {
                sends.Add((key, clients[copy % 2].PostAsJsonAsync("/api/sessions", body, LoggingSetup.Json)));
            }

            // Sessions of their own in the same batches: a copy's conflict must not cost them.
            var single = $"single-{k:D4}-{Guid.NewGuid():N}";
            sends.Add((single, clients[k % 2].PostAsJsonAsync("/api/sessions", setup.Submission(key: single), LoggingSetup.Json)));
        }

        await Task.WhenAll(sends.Select(s => s.Response));

        foreach (var group in sends.GroupBy(s => s.Key))
        {
            var responses = group.Select(s => s.Response.Result).ToList();
            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{group.Key}: {(int)r.StatusCode}"));
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            var ids = new HashSet<Guid>();
            foreach (var response in responses)
            {
                ids.Add((await response.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json))!.Id);
            }

            Assert.Single(ids);
        }

        Assert.Equal(16, await setup.StoredSessionsAsync());
    }

    private static HttpClient Client(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

public sealed class SessionIntakeTestsOnSqlite(SqliteApp app) : SessionIntakeTests<SqliteApp>(app);

public sealed class SessionIntakeTestsOnPostgres(PostgresApp app) : SessionIntakeTests<PostgresApp>(app);
