using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Prescriber.Core.Clinics;
using Prescriber.Data;
using Prescriber.Data.Clinics;
using Prescriber.Web.Features.Review;

namespace Prescriber.Benchmarks;

/// <summary>
/// Issue 7's review benchmark: a clinic of 500 patients and one of 100, each with a year of logs,
/// on PostgreSQL. For each clinic it checks that the app's "My patients" and patient review figures
/// equal those of one hand-written SQL statement (exit 1 if any differs), counts the app's database
/// round trips, and times both sides turn about, 200 runs each. See docs/performance.md.
///
///   dotnet run -c Release --project tests/Prescriber.Benchmarks -- review [runs] [--keep]
/// </summary>
public static class ReviewBenchmark
{
    private const int Large = 500;
    private const int Small = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.TakeWhile(a => a != "--now").Select(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 0).FirstOrDefault(r => r > 0);
        runs = runs > 0 ? runs : 200;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PRESCRIBER_WEB", Path.Combine(ReminderBenchmark.RepositoryRoot(), "src", "Prescriber.Web"));
        var postgres = Environment.GetEnvironmentVariable("PRESCRIBER_TEST_POSTGRES") is { Length: > 0 } cs ? cs : "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";
        var database = $"prescriber_reviewbench_{Guid.NewGuid():N}";
        await ReminderBenchmark.ExecuteAsync(postgres, $"CREATE DATABASE \"{database}\"");
        var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database, MaxPoolSize = 20 }.ConnectionString;
        try
        {
            // One fixed "now" for the app (its TimeProvider) and the SQL, so both count the same days;
            // "--now <ISO time>" repeats a run's data (the seed is fixed, the dates follow "now").
            var at = Array.IndexOf(args, "--now");
            var now = at >= 0 && at + 1 < args.Length
                ? DateTimeOffset.Parse(args[at + 1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : DateTimeOffset.UtcNow;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"now: {now:O}"));
            var counter = new CommandCounter();
            await using var app = new ReviewApp(connection, now, counter);
            _ = app.Services; // starts the host: migrations and the library import run here

            var seeding = Stopwatch.StartNew();
            var library = await LibraryAsync(connection);
            var large = await ClinicAsync(app, "Bench clinic (500)");
            var small = await ClinicAsync(app, "Bench clinic (100)");
            var largeCounts = await ReviewSeed.SeedAsync(connection, large, "Large", Large, now, library, seed: 7);
            var smallCounts = await ReviewSeed.SeedAsync(connection, small, "Small", Small, now, library, seed: 11);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Seeded in {seeding.Elapsed.TotalSeconds:F1} s: {largeCounts} and {smallCounts}"));

            // PostgreSQL's JIT would compile the hand-written statements for over a second per run
            // (their estimated cost is high); an OLTP server runs with it off, and so does this side.
            await using var sql = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Options = "-c jit=off" }.ConnectionString);
            await sql.OpenAsync();
            var ok = true;
            var results = new List<Timing>();
            foreach (var (clinic, size) in new[] { (small, Small), (large, Large) })
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ClinicScope>().Enter(clinic, "bench-clinician");
                var review = scope.ServiceProvider.GetRequiredService<ReviewService>();
                var side = new ReviewSides(review, sql, clinic, now);

                var check = await side.CheckAsync();
                Console.WriteLine($"{size} patients: {check.Checked}; {(check.Problems.Count == 0 ? "app and SQL agree" : $"{check.Problems.Count} DIFFERENCES")}");
                foreach (var problem in check.Problems.Take(20))
                {
                    Console.Error.WriteLine("  " + problem);
                }

                ok &= check.Problems.Count == 0;
                var patients = check.PatientIds;

                var listTrips = await counter.CountAsync(() => side.AppListAsync());
                var reviewTrips = await counter.CountAsync(() => side.AppReviewAsync(patients[0]));
                Console.WriteLine($"{size} patients: round trips of the app: My patients {listTrips}, patient review {reviewTrips}");
                if (listTrips == 0 || reviewTrips == 0)
                {
                    // The counter is an interceptor added to the app's context options: none counted means it was lost.
                    Console.Error.WriteLine("  no round trips counted: the command counter is not on the app's contexts");
                    ok = false;
                }

                results.Add(await TimeAsync(size, "My patients, first page", listTrips, runs, _ => side.AppListAsync(), _ => side.SqlListAsync()));
                results.Add(await TimeAsync(size, "Patient review", reviewTrips, runs, i => side.AppReviewAsync(patients[i % patients.Count]), i => side.SqlReviewAsync(patients[i % patients.Count])));
            }

            Console.WriteLine();
            Console.WriteLine("| patients | query | runs | app p50 ms | app p95 ms | SQL p50 ms | SQL p95 ms | p95 app / SQL | app round trips |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var t in results)
            {
                Console.WriteLine(t);
            }

            if (!ok)
            {
                Console.Error.WriteLine("FAILED: the app's figures differ from the SQL's.");
                return 1;
            }

            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            if (args.Contains("--keep"))
            {
                Console.WriteLine($"Kept the database {database}.");
            }
            else
            {
                await ReminderBenchmark.ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }
    }

    /// <summary>
    /// Both sides turn about (which goes first alternates), after 50 warm-up runs each, so noise on
    /// the shared machine hits both. With 10, the first size's app p95 still caught the JIT
    /// tiering up the app's code (p95 twice its p50; the SQL side has little code to warm).
    /// </summary>
    private static async Task<Timing> TimeAsync(int patients, string query, int trips, int runs, Func<int, Task> app, Func<int, Task> sql)
    {
        for (var i = 0; i < 50; i++)
        {
            await app(i);
            await sql(i);
        }

        var appTimes = new List<double>(runs);
        var sqlTimes = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            if (i % 2 == 0)
            {
                appTimes.Add(await MeasureAsync(() => app(i)));
                sqlTimes.Add(await MeasureAsync(() => sql(i)));
            }
            else
            {
                sqlTimes.Add(await MeasureAsync(() => sql(i)));
                appTimes.Add(await MeasureAsync(() => app(i)));
            }
        }

        return new Timing(patients, query, runs, Percentile(appTimes, 0.5), Percentile(appTimes, 0.95), Percentile(sqlTimes, 0.5), Percentile(sqlTimes, 0.95), trips);
    }

    private static async Task<double> MeasureAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static async Task<List<(Guid, string)>> LibraryAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Id", "Name" FROM "Exercises" WHERE "ClinicId" IS NULL ORDER BY "Name" LIMIT 12""", db);
        await using var reader = await command.ExecuteReaderAsync();
        var library = new List<(Guid, string)>();
        while (await reader.ReadAsync())
        {
            library.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return library.Count >= 5 ? library : throw new InvalidOperationException("The library import left fewer than 5 exercises.");
    }

    private static async Task<Guid> ClinicAsync(ReviewApp app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clinic = new Clinic { Name = name, CreatedAt = DateTime.UtcNow };
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync();
        return clinic.Id;
    }

    private sealed record Timing(int Patients, string Query, int Runs, double AppP50, double AppP95, double SqlP50, double SqlP95, int Trips)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"| {Patients} | {Query} | {Runs} | {AppP50:F1} | {AppP95:F1} | {SqlP50:F1} | {SqlP95:F1} | {AppP95 / SqlP95:F2} | {Trips} |");
    }

    /// <summary>The real app on the benchmark's database, its clock stopped at the benchmark's "now", its commands counted.</summary>
    private sealed class ReviewApp(string connection, DateTimeOffset now, CommandCounter counter) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Benchmark");
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Prescriber", connection);
            builder.UseSetting("Jobs:Enabled", "false");
            builder.UseSetting("App:PublicBaseUrl", "https://hep.bench.test/");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(new StoppedClock(now));
                services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(counter));
            });
        }
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
