using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using Prescriber.Core.Notifications;
using Prescriber.Data;
using Prescriber.Data.Notifications;
using Prescriber.Web.Features.Notifications;

namespace Prescriber.Benchmarks;

/// <summary>
/// Issue 5's load run: N reminders due now, from the reminder job's start to the SMTP server
/// accepting the last message, beside a raw MailKit loop sending the same N pre-rendered messages
/// over one connection to the same server. Verifies 0 lost and 0 duplicates. See docs/performance.md.
///
///   dotnet run -c Release --project tests/Prescriber.Benchmarks -- 2000 10000 10000 100000 [--maildir] [--connections 4] [--phases]
///
/// Needs PostgreSQL (PRESCRIBER_TEST_POSTGRES, a server where it may create databases) and
/// Debian's python3-aiosmtpd.
/// </summary>
public static class ReminderBenchmark
{
    private static readonly string[] Zones = ["UTC", "Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney"];

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Where((a, i) => i == 0 || args[i - 1] != "--connections").Select(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0).ToList();
        if (sizes.Count == 0)
        {
            sizes = [10_000];
        }

        var maildir = args.Contains("--maildir");
        var phases = args.Contains("--phases");
        // Smtp:Connections of the pipeline (the app's default unless given); the raw loop always uses one.
        var connections = args.SkipWhile(a => a != "--connections").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(new SmtpOptions().Connections);
        // The host's content root (seeds, settings): WebApplicationFactory reads it from here when
        // the entry assembly is not a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PRESCRIBER_WEB", Path.Combine(RepositoryRoot(), "src", "Prescriber.Web"));
        var postgres = Environment.GetEnvironmentVariable("PRESCRIBER_TEST_POSTGRES") is { Length: > 0 } cs ? cs : "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";
        var results = new List<Result>();
        // One database and one app for all sizes, as one server that stays up: a first small size
        // then warms what a running server has warm (JIT, EF Core's compiled queries, pools). A host
        // per size rebuilt EF Core's internal services and recompiled every query for each size.
        // Each size starts from empty tables and its own SMTP sink on the same port.
        var port = FreePort();
        var database = $"prescriber_bench_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database, MaxPoolSize = 20 }.ConnectionString;
        await ExecuteAsync(postgres, $"CREATE DATABASE \"{database}\"");
        try
        {
            await using var app = new BenchApp(connection, port, connections);
            _ = app.Services; // starts the host: migrations run here
            foreach (var n in sizes)
            {
                await EmptyAsync(connection);
                var result = await RunAsync(app, connection, port, n, maildir, phases);
                results.Add(result);
                Console.WriteLine(result);
                if (!result.Ok)
                {
                    Console.Error.WriteLine("FAILED: messages were lost or duplicated.");
                    return 1;
                }
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }

        Console.WriteLine();
        Console.WriteLine($"| date | machine | sink | SMTP connections | N | reminder job s | pipeline s, to the last accepted (all recorded) | raw s, to the last accepted (returned) | pipeline/raw | vs previous size |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        for (var i = 0; i < results.Count; i++)
        {
            // Against the size before it: with "2000 10000 10000 100000" the 100,000 run is
            // compared with the warm 10,000, as the issue's "<= 11x" asks.
            var r = results[i];
            var scale = r.Pipeline.TotalSeconds / results[Math.Max(0, i - 1)].Pipeline.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {DateTime.UtcNow:yyyy-MM-dd} | {Environment.ProcessorCount} cores | {(maildir ? "aiosmtpd + maildir" : "aiosmtpd, counting")} | {connections} SMTP connection{(connections == 1 ? "" : "s")} | {r.N:N0} | {r.Job.TotalSeconds:F1} | {r.Pipeline.TotalSeconds:F2} ({r.PipelineDone.TotalSeconds:F2}) | {r.Raw.TotalSeconds:F2} ({r.RawDone.TotalSeconds:F2}) | {r.Pipeline / r.Raw:F2} | {scale:F1}x |"));
        }

        return 0;
    }

    private static async Task<Result> RunAsync(BenchApp app, string connection, int port, int n, bool maildir, bool phases)
    {
        var work = Directory.CreateTempSubdirectory("prescriber-bench-").FullName;
        var log = Path.Combine(work, "accepted.log");
        // Stopped (and disposed) by the finally below, also when the run fails.
        var sink = StartSink(port, log, maildir ? Path.Combine(work, "maildir") : null);
        try
        {
            var now = DateTimeOffset.UtcNow;
            var seeding = Stopwatch.StartNew();
            await SeedAsync(connection, n, now);
            Console.WriteLine($"N={n:N0}: seeded in {seeding.Elapsed.TotalSeconds:F1} s");
            var meter = new CpuMeter(sink, await CpuMeter.PostmasterAsync(connection));
            var cpuStart = meter.Read();
            var loadStart = LoadAverage();

            // The pipeline as Hangfire runs it: the reminder job, which sends what it queues while
            // it scans, then the dispatcher until nothing is due (it finds nothing when all went well).
            var clock = Stopwatch.StartNew();
            var started = UnixSeconds();
            var queued = await InScopeAsync(app, sp => sp.GetRequiredService<ReminderJob>().RunAsync(CancellationToken.None));
            var job = clock.Elapsed;
            while (await InScopeAsync(app, sp => sp.GetRequiredService<OutboxDispatchJob>().RunAsync(CancellationToken.None)) > 0)
            {
            }

            var pipelineDone = clock.Elapsed;
            var sent = await ScalarAsync(connection, "SELECT count(*) FROM \"OutboxMessages\" WHERE \"Status\" = 'Sent'");
            var pipelineCpu = meter.Read() - cpuStart;
            var pipelineIds = await AcceptedAsync(log, n, id => id.EndsWith("@prescriber.outbox", StringComparison.Ordinal));
            // The issue's measure: from the job's start to the server accepting the last message
            // (the sink's own clock); pipelineDone adds the last "sent" records and the closing runs.
            var pipeline = LastAccepted(pipelineIds, started);

            // The raw loop: the same rows, rendered before the clock starts, one connection.
            var smtp = app.Services.GetRequiredService<IOptions<SmtpOptions>>().Value;
            List<MimeMessage> messages;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var rows = await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
                messages = [.. rows.Select((row, i) =>
                {
                    var message = OutboxMimeMessage.Build(row, smtp);
                    message.MessageId = $"raw-{i}@bench";
                    return message;
                })];
            }

            var rawStart = meter.Read();
            clock.Restart();
            started = UnixSeconds();
            using (var client = new SmtpClient())
            {
                await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
                foreach (var message in messages)
                {
                    await client.SendAsync(message);
                }

                await client.DisconnectAsync(true);
            }

            var rawDone = clock.Elapsed;
            var rawCpu = meter.Read() - rawStart;
            Console.WriteLine($"N={n:N0}: pipeline {pipelineCpu.PerMessage(n)}; raw {rawCpu.PerMessage(n)}; load average {loadStart} -> {LoadAverage()}");
            var rawIds = await AcceptedAsync(log, messages.Count, id => id.StartsWith("raw-", StringComparison.Ordinal));
            var raw = LastAccepted(rawIds, started);

            if (phases)
            {
                await PhasesAsync(app, connection, meter, n, smtp, port);
            }

            var pipelineDistinct = pipelineIds.Select(a => a.Id).Distinct().Count();
            var ok = queued == n && sent == n && pipelineIds.Count == n && pipelineDistinct == n
                && rawIds.Count == n && rawIds.Select(a => a.Id).Distinct().Count() == n;
            return new Result(n, queued, sent, pipelineIds.Count, pipelineDistinct, rawIds.Count, job, pipeline, pipelineDone, raw, rawDone, ok);
        }
        finally
        {
            Stop(sink);
            sink.Dispose();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The previous size's patients (with their programs, versions and reminders) and emails gone.
    /// Truncated, not deleted: the tables start as a new database's do, with no dead rows and no
    /// statistics left from the previous size.
    /// </summary>
    private static async Task EmptyAsync(string connection)
    {
        await ExecuteAsync(connection, "TRUNCATE \"OutboxMessages\", \"Patients\" CASCADE");
        // The seed's clinic, a single row now that nothing refers to it.
        await ExecuteAsync(connection, "DELETE FROM \"Clinics\"");
    }

    /// <summary>N patients in five time zones, each with an active program whose reminder was due two minutes ago.</summary>
    private static async Task SeedAsync(string connection, int n, DateTimeOffset now)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var clinic = Guid.CreateVersion7();
        var created = now.UtcDateTime.AddDays(-1);
        await using (var insert = new NpgsqlCommand("INSERT INTO \"Clinics\" (\"Id\", \"Name\", \"TimeZone\", \"CreatedAt\") VALUES (@id, 'Bench clinic', 'UTC', @created)", db))
        {
            insert.Parameters.AddWithValue("id", clinic);
            insert.Parameters.AddWithValue("created", created);
            await insert.ExecuteNonQueryAsync();
        }

        for (var z = 0; z < Zones.Length; z++)
        {
            var count = n / Zones.Length + (z < n % Zones.Length ? 1 : 0);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(Zones[z]);
            var due = TimeZoneInfo.ConvertTime(now.AddMinutes(-2), zone).DateTime;
            var sql = """
                CREATE TEMP TABLE gen AS SELECT i, gen_random_uuid() AS patient, gen_random_uuid() AS program, gen_random_uuid() AS version FROM generate_series(1, @count) i;
                INSERT INTO "Patients" ("Id", "ClinicId", "Name", "Email", "NormalizedEmail", "TimeZone", "CreatedAt", "RemindersOff")
                    SELECT patient, @clinic, 'Patient ' || i, 'p' || @z || '-' || i || '@bench.test', 'p' || @z || '-' || i || '@bench.test', @tz, @created, false FROM gen;
                INSERT INTO "Programs" ("Id", "ClinicId", "PatientId", "Name", "Status", "CurrentVersion", "Revision", "CreatedAt", "UpdatedAt")
                    SELECT program, @clinic, patient, 'Upper back routine', 'Active', 1, 1, @created, @created FROM gen;
                INSERT INTO "ProgramVersions" ("Id", "ClinicId", "ProgramId", "Number", "CreatedAt", "CreatedBy", "TimesPerDay", "Days", "StartDate", "ReminderTimes")
                    SELECT version, @clinic, program, 1, @created, '', 1, 127, @start, ARRAY[@slot]::time without time zone[] FROM gen;
                DROP TABLE gen;
                ANALYZE;
                """;
            await using var command = new NpgsqlCommand(sql, db);
            command.Parameters.AddWithValue("count", count);
            command.Parameters.AddWithValue("clinic", clinic);
            command.Parameters.AddWithValue("z", z.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("tz", Zones[z]);
            command.Parameters.AddWithValue("created", created);
            command.Parameters.AddWithValue("start", DateOnly.FromDateTime(due).AddDays(-7));
            command.Parameters.AddWithValue("slot", new TimeOnly(due.Hour, due.Minute));
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The Message-IDs the server accepted, of one side; waits briefly for the sink's last lines.</summary>
    /// <summary>The sink's lines of one side: each accepted message's id and when it was accepted.</summary>
    private static async Task<List<(string Id, double At)>> AcceptedAsync(string log, int expected, Func<string, bool> side)
    {
        List<(string Id, double At)> ids = [];
        for (var i = 0; i < 50; i++)
        {
            ids = [.. (await ReadSharedAsync(log))
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(f => (Id: f[0].Trim('<', '>'), At: double.Parse(f[1], CultureInfo.InvariantCulture)))
                .Where(a => side(a.Id))];
            if (ids.Count >= expected)
            {
                break;
            }

            await Task.Delay(100);
        }

        return ids;
    }

    private static double UnixSeconds() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;

    private static TimeSpan LastAccepted(List<(string Id, double At)> accepted, double started) =>
        TimeSpan.FromSeconds(accepted.Count == 0 ? 0 : accepted.Max(a => a.At) - started);

    private static async Task<string[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// --phases: after both sides, each stage of the dispatcher alone over the same N rows (reset
    /// to pending), with the CPU it costs each process: the claims (the dispatcher's private
    /// claim, by reflection), the MIME builds, the "sent" updates in groups of four, and the sends
    /// of the built messages over one connection. Not part of the timed comparison.
    /// </summary>
    private static async Task PhasesAsync(BenchApp app, string connection, CpuMeter meter, int n, SmtpOptions smtp, int port)
    {
        await ExecuteAsync(connection, """UPDATE "OutboxMessages" SET "Status" = 'Pending', "LockedBy" = NULL, "LockedUntil" = NULL, "SentAt" = NULL""");
        var job = ActivatorUtilities.CreateInstance<OutboxDispatchJob>(app.Services);
        var claim = typeof(OutboxDispatchJob).GetMethod("ClaimAsync", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("OutboxDispatchJob.ClaimAsync not found.");
        const string worker = "bench-phases";

        var rows = new List<OutboxMessage>();
        var before = meter.Read();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (candidates, claimed) = await (Task<(int, List<OutboxMessage>)>)claim.Invoke(job, [worker, CancellationToken.None])!;
            if (candidates == 0)
            {
                break;
            }

            rows.AddRange(claimed);
        }

        Phase("claims", rows.Count, clock, meter.Read() - before);

        before = meter.Read();
        clock.Restart();
        var messages = rows.Select(r => OutboxMimeMessage.Build(r, smtp)).ToList();
        Phase("MIME builds", n, clock, meter.Read() - before);

        before = meter.Read();
        clock.Restart();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var writer = await OutboxSentWriter.OpenAsync(db, worker, CancellationToken.None);
            foreach (var group in rows.Select(r => r.Id).Chunk(4))
            {
                await writer.MarkAsync(group, DateTime.UtcNow, CancellationToken.None);
            }
        }

        Phase("sent updates, 4 rows each", n, clock, meter.Read() - before);

        before = meter.Read();
        clock.Restart();
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
            for (var i = 0; i < messages.Count; i++)
            {
                messages[i].MessageId = $"phase-{i}@bench";
                await client.SendAsync(messages[i]);
            }

            await client.DisconnectAsync(true);
        }

        Phase("SMTP sends, one connection", n, clock, meter.Read() - before);
    }

    private static void Phase(string name, int n, Stopwatch clock, CpuMeter.Sample cpu) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N={n:N0}: phase {name}: {clock.Elapsed.TotalSeconds:F2} s; {cpu.PerMessage(n)}"));

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static async Task<T> InScopeAsync<T>(BenchApp app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    internal static async Task ExecuteAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ScalarAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static Process StartSink(int port, string log, string? maildir)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "smtp_sink.py");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(log);
        if (maildir is not null)
        {
            start.ArgumentList.Add("--maildir");
            start.ArgumentList.Add(maildir);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        if (process.StandardOutput.ReadLine() != "ready")
        {
            throw new InvalidOperationException("The SMTP sink did not start (is python3-aiosmtpd installed?).");
        }

        return process;
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Prescriber.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository's build output (Prescriber.sln not found above it).");
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Pipeline and Raw: to the last message accepted; the *Done figures: until each side returned.</summary>
    private sealed record Result(int N, int Queued, int Sent, int PipelineAccepted, int PipelineDistinct, int RawAccepted, TimeSpan Job, TimeSpan Pipeline, TimeSpan PipelineDone, TimeSpan Raw, TimeSpan RawDone, bool Ok)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"N={N:N0}: queued {Queued}, sent {Sent}, server accepted {PipelineAccepted} ({PipelineDistinct} distinct), the last at {Pipeline.TotalSeconds:F2} s "
            + $"(the scan took {Job.TotalSeconds:F2} s, all recorded sent at {PipelineDone.TotalSeconds:F2} s); raw loop {RawAccepted}, the last at {Raw.TotalSeconds:F2} s "
            + $"(returned at {RawDone.TotalSeconds:F2} s); ratio {Pipeline / Raw:F2} ({PipelineDone / RawDone:F2} until both returned); {(Ok ? "0 lost, 0 duplicates" : "MISMATCH")}");
    }

    /// <summary>The real app on the benchmark's database and SMTP sink; no Hangfire server, jobs are called directly.</summary>
    private sealed class BenchApp(string connection, int smtpPort, int smtpConnections) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Benchmark");
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Prescriber", connection);
            builder.UseSetting("Jobs:Enabled", "false");
            builder.UseSetting("App:PublicBaseUrl", "https://hep.bench.test/");
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", smtpPort.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:Security", "None");
            builder.UseSetting("Smtp:Connections", smtpConnections.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:FromAddress", "clinic@bench.test");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
