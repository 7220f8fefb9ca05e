using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Prescriber.Core.Clinics;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Data;
using Prescriber.Data.Clinics;
using Prescriber.Web.Features.Library;
using Prescriber.Web.Features.Patients;
using Prescriber.Web.Features.Programs;

namespace Prescriber.Benchmarks;

/// <summary>
/// The session-logging API under load (issue 6): wrk with 100 connections against the real app on
/// Kestrel and PostgreSQL, then, in the same run and on the same database server, against a bare
/// endpoint that inserts one row with Npgsql. Every 2xx must be stored exactly once: each request
/// carries its own idempotency key, and the rows are counted before and after.
/// </summary>
public static partial class LoggingBenchmark
{
    private const int Connections = 100;

    /// <summary>Patients the load is spread over: each request is one patient logging, as in life.</summary>
    private const int Patients = 200;

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Throughput();

    [GeneratedRegex(@"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    public static async Task<int> RunAsync(string[] args)
    {
        // Said before a database is made and the app warmed up for half a minute.
        if (!(Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, "wrk"))))
        {
            await Console.Error.WriteLineAsync("The logging benchmark drives the load with wrk, which is not installed: apt-get install wrk");
            return 2;
        }

        var seconds = args.Where((a, i) => i == 0 || args[i - 1] != "--warm").Select(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0).FirstOrDefault(s => s > 0);
        seconds = seconds > 0 ? seconds : 20;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PRESCRIBER_WEB", Path.Combine(ReminderBenchmark.RepositoryRoot(), "src", "Prescriber.Web"));
        var postgres = Environment.GetEnvironmentVariable("PRESCRIBER_TEST_POSTGRES") is { Length: > 0 } cs ? cs : "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";
        var database = $"prescriber_logbench_{Guid.NewGuid():N}";
        await ReminderBenchmark.ExecuteAsync(postgres, $"CREATE DATABASE \"{database}\"");
        // Two pools (the app's, the bare endpoint's) under PostgreSQL's 100 connections.
        var connectionBuilder = new NpgsqlConnectionStringBuilder(postgres) { Database = database, MaxPoolSize = 45 };
        // Npgsql prepares the statements used often (as docs/operations.md recommends for
        // production): PostgreSQL then skips parsing and planning them. --no-auto-prepare compares.
        if (!args.Contains("--no-auto-prepare"))
        {
            connectionBuilder.MaxAutoPrepare = 50;
            connectionBuilder.AutoPrepareMinUsages = 2;
        }

        var connection = connectionBuilder.ConnectionString;
        var work = Directory.CreateTempSubdirectory("prescriber-logbench-").FullName;
        try
        {
            // --worker-off (an experiment): the flag rules' work stays queued, so the run measures the request alone.
            var worker = !args.Contains("--worker-off");
            await using var app = new LoggingApp(connection, ReminderBenchmark.FreePort(), worker);
            await app.StartAsync();
            var patients = await SeedAsync(app);

            await using var bare = await BareEndpoint.StartAsync(connection);

            var appScript = Script(work, "app.lua", "/api/sessions", patients);
            var bareScript = Script(work, "bare.lua", "/bare", patients);

            // Warm both (JIT, pools, caches), then measure each for the same time. The app has far
            // more code to tier up than the bare endpoint: with 5 s of warm-up, a profile of the
            // measured run still showed the JIT's background compiles taking about 15% of the CPU.
            // "--warm s" sets the warm-up (default 30 s each), as for a server that has been up a while.
            var warmAt = Array.IndexOf(args, "--warm");
            var warm = warmAt >= 0 && warmAt + 1 < args.Length ? int.Parse(args[warmAt + 1], CultureInfo.InvariantCulture) : 30;
            await WrkAsync(app.BaseUrl, appScript, warm, "warm");
            await WrkAsync(bare.BaseUrl, bareScript, warm, "warm");
            // The warm-up's own flag checks are drained first: left queued, the worker would do
            // them during the measured run, on its CPU and against its throughput.
            var warmBacklog = await CountAsync(connection, "SELECT count(*) FROM \"QueuedFlagChecks\"");
            var warmDrain = Stopwatch.StartNew();
            while (worker && await CountAsync(connection, "SELECT count(*) FROM \"QueuedFlagChecks\"") > 0 && warmDrain.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(100);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warm} s each, {warmBacklog} flag checks drained in {warmDrain.Elapsed.TotalSeconds:F1} s"));
            // The dead rows of the drained queue are cleaned up now, not by autovacuum during a
            // measured run; the same before the bare run, which follows the app's drain.
            await ReminderBenchmark.ExecuteAsync(connection, "VACUUM ANALYZE");
            var appBefore = await CountAsync(connection, "SELECT count(*) FROM \"SessionLogs\"");
            var meter = new CpuMeter(null, await CpuMeter.PostmasterAsync(connection));
            var appCpu = meter.Read();
            var appRun = await WrkAsync(app.BaseUrl, appScript, seconds, "run");
            var appStored = await CountAsync(connection, "SELECT count(*) FROM \"SessionLogs\"") - appBefore;
            // The flag rules run after the answer, on the app's worker: their work is part of the
            // run only if the queue keeps up, so the backlog left at the deadline is reported too.
            var backlog = await CountAsync(connection, "SELECT count(*) FROM \"QueuedFlagChecks\"");
            var drain = Stopwatch.StartNew();
            while (worker && await CountAsync(connection, "SELECT count(*) FROM \"QueuedFlagChecks\"") > 0 && drain.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(100);
            }

            var drained = !worker || await CountAsync(connection, "SELECT count(*) FROM \"QueuedFlagChecks\"") == 0;
            // The app's CPU includes its worker's, until the run's checks are drained.
            appCpu = meter.Read() - appCpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"flag checks queued at the deadline: {backlog}, {(drained ? $"drained in {drain.Elapsed.TotalSeconds:F1} s" : "NOT drained in 5 min")}"));
            await ReminderBenchmark.ExecuteAsync(connection, "VACUUM ANALYZE");
            var bareBefore = await CountAsync(connection, "SELECT count(*) FROM bare_sessions");
            var bareCpu = meter.Read();
            var bareRun = await WrkAsync(bare.BaseUrl, bareScript, seconds, "run");
            bareCpu = meter.Read() - bareCpu;
            var bareStored = await CountAsync(connection, "SELECT count(*) FROM bare_sessions") - bareBefore;

            Console.WriteLine($"logging API: {appRun}, stored {appStored}");
            Console.WriteLine($"bare insert: {bareRun}, stored {bareStored}");
            // wrk stops counting at the deadline while up to one request per connection is still in
            // flight; those are stored but not counted. Keys are unique per request, and the
            // database's unique keys would refuse a second copy, so duplicates are checked directly.
            var duplicates = await CountAsync(connection, "SELECT count(*) - count(DISTINCT \"IdempotencyKey\") FROM \"SessionLogs\"")
                + await CountAsync(connection, "SELECT count(*) - count(DISTINCT idempotency_key) FROM bare_sessions");
            bool StoredOnce(WrkRun run, long stored) => stored >= run.Succeeded && stored <= run.Succeeded + Connections;
            var ok = drained && duplicates == 0 && StoredOnce(appRun, appStored) && StoredOnce(bareRun, bareStored) && appRun.Succeeded > 0;
            Console.WriteLine();
            Console.WriteLine("| date | machine | endpoint | connections | s | requests/s | p50 ms | p99 ms | 2xx | stored | non-2xx | process / PostgreSQL CPU ms per 2xx |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var (name, run, stored, cpu) in new[] { ("POST /api/sessions (app)", appRun, appStored, appCpu), ("bare Npgsql insert", bareRun, bareStored, bareCpu) })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {DateTime.UtcNow:yyyy-MM-dd} | {Environment.ProcessorCount} cores | {name} | {Connections} | {seconds} | {run.PerSecond:F0} | {run.P50:F1} | {run.P99:F1} | {run.Succeeded} | {stored} | {run.Failed} | {cpu.App * 1000 / run.Succeeded:F2} / {cpu.Database * 1000 / run.Succeeded:F2} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"\nthroughput app/bare {appRun.PerSecond / bareRun.PerSecond:F2} (target >= 0.5); p99 app/bare {appRun.P99 / bareRun.P99:F2} (target <= 2); every 2xx stored once: {(ok ? "yes" : "NO")}"));
            return ok ? 0 : 1;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ReminderBenchmark.ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A clinic with <see cref="Patients"/> patients on a two-exercise program: each one's link token and session body.</summary>
    private static async Task<List<(string Token, string Body)>> SeedAsync(LoggingApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clinic = new Clinic { Name = "Bench clinic", CreatedAt = DateTime.UtcNow };
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<ClinicScope>().Enter(clinic.Id);
        var library = await scope.ServiceProvider.GetRequiredService<ExerciseService>().SearchAsync(new());
        var seeded = new List<(string, string)>();
        for (var i = 0; i < Patients; i++)
        {
            var patient = (await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(
                new PatientDraft { Name = $"Bench Patient {i}", Email = $"bench{i}@example.org", TimeZone = "Europe/London" })).Value!;
            var draft = new ProgramDraft
            {
                Name = "Bench program",
                StartDate = PatientTime.Today(DateTimeOffset.UtcNow, patient.TimeZone),
                Exercises = [.. new[] { "prone-t-raise", "bird-dog" }.Select(slug => PrescriptionDraft.From(library.Single(e => e.Slug == slug)))],
            };
            var program = (await scope.ServiceProvider.GetRequiredService<ProgramService>().AssignAsync(patient.Id, draft)).Value!;
            var items = program.Versions[0].Exercises.OrderBy(e => e.Order).Select(e => e.Id).ToList();
            var token = scope.ServiceProvider.GetRequiredService<PatientLinks>().CreateToken(PatientLinkPurpose.Today, patient.Id, program.Id, DateTimeOffset.UtcNow.AddDays(1));
            // KEY is replaced per request by the wrk script, so every request is a new session.
            var body = JsonSerializer.Serialize(new
            {
                programId = program.Id,
                painBefore = 3,
                painAfter = 3,
                difficulty = 5,
                note = "felt fine",
                idempotencyKey = "KEY",
                entries = items.Select(id => new { prescribedExerciseId = id, outcome = "done" }),
            });
            seeded.Add((token, body));
        }

        return seeded;
    }

    private static string Script(string folder, string name, string path, List<(string Token, string Body)> patients)
    {
        var table = string.Join(",\n", patients.Select(p => $"{{ token = \"{p.Token}\", body = [[{p.Body}]] }}"));
        var lua = $$"""
            local counter = 0
            local threads = 0
            local patients = {
            {{table}}
            }
            function setup(thread) thread:set("tid", threads); threads = threads + 1 end
            function init(args) prefix = (args[1] or "run") .. "-" .. tid .. "-" .. math.random(1, 1000000000) .. "-" end
            request = function()
              counter = counter + 1
              local patient = patients[(counter + tid * 7) % #patients + 1]
              local body = string.gsub(patient.body, "KEY", prefix .. counter)
              return wrk.format("POST", "{{path}}", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. patient.token }, body)
            end
            """;
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, lua);
        return file;
    }

    private static async Task<WrkRun> WrkAsync(string baseUrl, string script, int seconds, string label)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{Connections}", $"-d{seconds}s", "--latency", "--timeout", "10s", "-s", script, baseUrl.TrimEnd('/'), "--", label])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var percentiles = Percentile().Matches(output).ToDictionary(m => m.Groups[1].Value, m => Millis(m.Groups[2].Value, m.Groups[3].Value));
        var requests = int.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var failed = Non2xx().Match(output) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkRun(
            double.Parse(Throughput().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            percentiles.GetValueOrDefault("50"), percentiles.GetValueOrDefault("99"), requests - failed, failed);
    }

    private static double Millis(string value, string unit) => double.Parse(value, CultureInfo.InvariantCulture) * unit switch
    {
        "us" => 0.001,
        "s" => 1000,
        _ => 1,
    };

    private static async Task<long> CountAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed record WrkRun(double PerSecond, double P50, double P99, int Succeeded, int Failed)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PerSecond:F0} req/s, p50 {P50:F1} ms, p99 {P99:F1} ms, {Succeeded} 2xx, {Failed} other");
    }

    /// <summary>
    /// The real app on a Kestrel port, Production-like: no Hangfire server, rate limits out of the
    /// way, but the flag-check worker on, so the rules deferred from the request still run.
    /// </summary>
    private sealed class LoggingApp(string connection, int port, bool worker) : WebApplicationFactory<Program>
    {
        public string BaseUrl => $"http://127.0.0.1:{port}";

        public Task StartAsync()
        {
            UseKestrel(port);
            StartServer();
            return Task.CompletedTask;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Benchmark");
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Prescriber", connection);
            builder.UseSetting("Jobs:Enabled", "false");
            builder.UseSetting("Jobs:FlagCheckWorker", worker ? "true" : "false");
            builder.UseSetting("App:PublicBaseUrl", BaseUrl + "/");
            builder.UseSetting("RateLimits:PatientRequestsPerMinute", "100000000");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }

    /// <summary>The floor to compare with: read the JSON, insert one row, answer 201. Nothing else.</summary>
    private sealed class BareEndpoint : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly NpgsqlDataSource _data;

        private BareEndpoint(WebApplication app, NpgsqlDataSource data, string baseUrl)
        {
            _app = app;
            _data = data;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        public static async Task<BareEndpoint> StartAsync(string connection)
        {
            var data = NpgsqlDataSource.Create(connection);
            await using (var create = data.CreateCommand("CREATE TABLE IF NOT EXISTS bare_sessions (id uuid PRIMARY KEY, idempotency_key text UNIQUE NOT NULL, body jsonb NOT NULL, created timestamptz NOT NULL)"))
            {
                await create.ExecuteNonQueryAsync();
            }

            var port = ReminderBenchmark.FreePort();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var app = builder.Build();
            app.MapPost("/bare", async (HttpRequest request) =>
            {
                using var json = await JsonDocument.ParseAsync(request.Body);
                await using var insert = data.CreateCommand("INSERT INTO bare_sessions (id, idempotency_key, body, created) VALUES ($1, $2, $3::jsonb, now())");
                insert.Parameters.AddWithValue(Guid.CreateVersion7());
                insert.Parameters.AddWithValue(json.RootElement.GetProperty("idempotencyKey").GetString()!);
                insert.Parameters.AddWithValue(json.RootElement.GetRawText());
                await insert.ExecuteNonQueryAsync();
                return Results.StatusCode(StatusCodes.Status201Created);
            });
            await app.StartAsync();
            return new BareEndpoint(app, data, $"http://127.0.0.1:{port}");
        }

        public async ValueTask DisposeAsync()
        {
            await _app.DisposeAsync();
            await _data.DisposeAsync();
        }
    }
}
