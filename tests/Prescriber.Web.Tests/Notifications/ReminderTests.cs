using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Prescriber.Core.Notifications;
using Prescriber.Core.Programs;
using Prescriber.Core.Reminders;
using Prescriber.Data;
using Prescriber.Web.Features.Notifications;
using Prescriber.Web.Features.Patients;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>The reminder scan, its emails and the opt-out, on a clock the test sets.</summary>
public abstract partial class ReminderTests<TApp>(TApp app) : MailTests<TApp>(app) where TApp : PrescriberApp, IClockApp
{
    private static readonly TimeOnly HalfPastSeven = new(7, 30);

    [GeneratedRegex(@"https?://\S+/today/[A-Za-z0-9_-]+")]
    private static partial Regex TodayLink();

    [GeneratedRegex(@"<(https?://\S+/reminders/off/[A-Za-z0-9_-]+)>")]
    private static partial Regex OptOutHeader();

    [Fact]
    public async Task A_due_reminder_carries_the_logging_link_and_one_click_opt_out_and_no_exercise_names()
    {
        var to = $"{Token()}@example.org";
        var seeded = await ReminderSeed.ProgramAsync(App, to, "Europe/London", [HalfPastSeven], new DateOnly(2026, 11, 1));
        SetClock("2026-11-25T07:29:00Z");
        await RunAsync();
        Assert.Empty(await DeliveriesAsync(seeded.ProgramId));

        SetClock("2026-11-25T07:30:20Z");
        await RunAsync();
        await DispatchAsync();

        var message = Assert.Single(Mailbox.To(to));
        Assert.Equal("Time for your exercises: Upper back routine", message.Subject);
        var optOut = OptOutHeader().Match(message.Headers["List-Unsubscribe"] ?? "");
        Assert.True(optOut.Success, message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(optOut.Groups[1].Value, message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(optOut.Groups[1].Value, message.TextBody, StringComparison.Ordinal);
        var today = TodayLink().Match(message.TextBody ?? "").Value;
        Assert.Contains(today, message.HtmlBody, StringComparison.Ordinal);
        var link = Links().Read(PatientLinkPurpose.Today, today[(today.LastIndexOf('/') + 1)..]);
        Assert.NotNull(link);
        Assert.Equal((seeded.PatientId, seeded.ProgramId), (link.PatientId, link.ProgramId));
        // Nothing clinical: the program's name only, no exercise.
        Assert.DoesNotContain(seeded.ExerciseName, message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(seeded.ExerciseName, message.TextBody, StringComparison.OrdinalIgnoreCase);

        var delivery = Assert.Single(await DeliveriesAsync(seeded.ProgramId));
        Assert.Equal((new DateOnly(2026, 11, 25), HalfPastSeven), (delivery.LocalDate, delivery.Slot));
    }

    [Fact]
    public async Task Opt_out_get_only_asks_post_turns_reminders_off_and_the_next_run_sends_nothing()
    {
        var to = $"{Token()}@example.org";
        var seeded = await ReminderSeed.ProgramAsync(App, to, "Europe/London", [HalfPastSeven], new DateOnly(2026, 11, 1));
        SetClock("2026-11-26T07:31:00Z");
        await RunAsync();
        await DispatchAsync();
        var url = new Uri(OptOutHeader().Match(Assert.Single(Mailbox.To(to)).Headers["List-Unsubscribe"] ?? "").Groups[1].Value);
        var client = App.CreateClient();

        // A link scanner's GET: a page with a button, nothing changed.
        var page = await client.GetAsync(url.PathAndQuery, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Turn reminders off", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(await RemindersOffAsync(seeded.PatientId));

        // A tampered token: 404 page for GET, 400 for POST, nothing changed.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url.PathAndQuery + "x", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(url.PathAndQuery + "x", OneClick(), TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(await RemindersOffAsync(seeded.PatientId));

        // The mail client's one-click POST (RFC 8058): no cookie, no antiforgery token.
        var post = await client.PostAsync(url.PathAndQuery, OneClick(), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.True(await RemindersOffAsync(seeded.PatientId));

        SetClock("2026-11-27T07:31:00Z");
        await RunAsync();
        await DispatchAsync();
        Assert.Single(Mailbox.To(to));
        Assert.Single(await DeliveriesAsync(seeded.ProgramId));
    }

    [Fact]
    public async Task Two_concurrent_runs_and_a_run_after_a_restart_queue_one_reminder_per_slot()
    {
        var token = Token();
        var programs = new List<ReminderSeed.Seeded>();
        for (var i = 0; i < 12; i++)
        {
            programs.Add(await ReminderSeed.ProgramAsync(App, $"{token}-{i}@example.org", i % 2 == 0 ? "Europe/London" : "UTC", [HalfPastSeven, new TimeOnly(8, 0)], new DateOnly(2026, 11, 1)));
        }

        SetClock("2026-11-28T08:05:00Z");
        await Task.WhenAll(RunAsync(), RunAsync(), RunAsync());
        // A "restart": a new scope and a new job on the same database.
        await RunAsync();
        await DispatchAsync();

        foreach (var program in programs)
        {
            Assert.Equal(2, (await DeliveriesAsync(program.ProgramId)).Count);
        }

        var received = Mailbox.To(token);
        Assert.Equal(24, received.Count);
        Assert.Equal(24, received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_reminder_run_sends_its_own_wave_and_leaves_it_to_the_dispatchers_retries_while_the_server_is_down()
    {
        var token = Token();
        var programs = new List<ReminderSeed.Seeded>();
        for (var i = 0; i < 3; i++)
        {
            programs.Add(await ReminderSeed.ProgramAsync(App, $"{token}-{i}@example.org", "UTC", [HalfPastSeven], new DateOnly(2026, 11, 1)));
        }

        // The mail server is down: everything is queued, nothing is lost, each row waits for a retry
        // with the reason. A batch a program: the first batch's rows are handed to the run and put
        // off by its failing connection, the rest are mostly written after the run knows the
        // server is down (and other tests' programs due at this hour come first): both ways wait alike.
        SetClock("2026-12-05T07:45:00Z");
        await App.InScopeAsync(sp => Job(sp, Unreachable(sp), batchSize: 1).RunAsync(TestContext.Current.CancellationToken));
        Assert.Empty(Mailbox.To(token));
        var waiting = await OutboxRowsAsync(token);
        Assert.Equal(3, waiting.Count);
        AssertAllWaitingForRetry(waiting, App.Clock.GetUtcNow());

        // Up again: the dispatcher sends each once after the backoff.
        App.Clock.Advance(TimeSpan.FromSeconds(35));
        await DispatchAsync();
        Assert.Equal(3, Mailbox.To(token).Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(3, Mailbox.To(token).Count);

        // The next day, with the server up, the run itself delivers its wave: no dispatcher needed.
        SetClock("2026-12-06T07:45:00Z");
        await RunAsync();
        Assert.Equal(6, Mailbox.To(token).Count);
        var sent = (await OutboxRowsAsync(token)).Where(r => r.CreatedAt.Date == new DateTime(2026, 12, 6)).ToList();
        Assert.Equal(3, sent.Count);
        AssertAllSent(sent, attempts: 1);
    }

    [Fact]
    public async Task A_reminder_run_that_dies_before_sending_leaves_its_wave_to_the_dispatcher_once_the_lease_runs_out()
    {
        var token = Token();
        for (var i = 0; i < 3; i++)
        {
            await ReminderSeed.ProgramAsync(App, $"{token}-{i}@example.org", "UTC", [HalfPastSeven], new DateOnly(2026, 11, 1));
        }

        SetClock("2026-12-07T07:45:00Z");
        // A mail server that accepts the connection and never answers: the run stays stuck on its
        // first send until it is stopped, as a server going down mid-run would leave it.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = App.InScopeAsync(sp => Job(sp, Dispatcher(sp, ((IPEndPoint)silent.LocalEndpoint).Port)).RunAsync(stop.Token));
        for (var i = 0; i < 200 && (await OutboxRowsAsync(token)).Count(r => r.Status == OutboxStatus.Sending) < 3; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.All(await OutboxRowsAsync(token), r => Assert.Equal(OutboxStatus.Sending, r.Status));
        Assert.Empty(Mailbox.To(token));

        // Its lease still holds: the dispatcher leaves the rows alone, and a new run does not queue them again.
        await DispatchAsync();
        await RunAsync();
        Assert.Empty(Mailbox.To(token));
        Assert.Equal(3, (await OutboxRowsAsync(token)).Count);

        App.Clock.Advance(OutboxDispatchJob.Lease + TimeSpan.FromSeconds(1));
        await DispatchAsync();
        Assert.Equal(3, Mailbox.To(token).Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(3, Mailbox.To(token).Count);
        AssertAllSent(await OutboxRowsAsync(token), attempts: 2);
    }

    [Fact]
    public async Task Paused_ended_not_started_opted_out_and_already_logged_programs_get_no_reminder()
    {
        var token = Token();
        var start = new DateOnly(2026, 11, 1);
        var paused = await ReminderSeed.ProgramAsync(App, $"{token}-paused@example.org", "UTC", [HalfPastSeven], start, status: ProgramStatus.Paused);
        var ended = await ReminderSeed.ProgramAsync(App, $"{token}-ended@example.org", "UTC", [HalfPastSeven], start, status: ProgramStatus.Ended);
        var pastEnd = await ReminderSeed.ProgramAsync(App, $"{token}-pastend@example.org", "UTC", [HalfPastSeven], start, end: new DateOnly(2026, 11, 28));
        var notYet = await ReminderSeed.ProgramAsync(App, $"{token}-notyet@example.org", "UTC", [HalfPastSeven], new DateOnly(2026, 11, 30));
        var off = await ReminderSeed.ProgramAsync(App, $"{token}-off@example.org", "UTC", [HalfPastSeven], start, remindersOff: true);
        var logged = await ReminderSeed.ProgramAsync(App, $"{token}-logged@example.org", "UTC", [HalfPastSeven], start);
        var due = await ReminderSeed.ProgramAsync(App, $"{token}-due@example.org", "UTC", [HalfPastSeven], start);
        await ReminderSeed.LogSessionAsync(App, logged, new DateOnly(2026, 11, 29));

        SetClock("2026-11-29T07:45:00Z");
        await RunAsync();
        await DispatchAsync();

        foreach (var none in new[] { paused, ended, pastEnd, notYet, off, logged })
        {
            Assert.Empty(await DeliveriesAsync(none.ProgramId));
        }

        Assert.Single(await DeliveriesAsync(due.ProgramId));
        Assert.Equal([due.Email], Mailbox.To(token).SelectMany(m => m.To.Mailboxes).Select(a => a.Address));
    }

    [Fact]
    public async Task A_patient_on_holiday_gets_no_reminder_until_the_pause_ends_and_then_only_on_the_days_they_chose()
    {
        var seeded = await ReminderSeed.ProgramAsync(App, $"{Token()}@example.org", "Europe/London", [HalfPastSeven], new DateOnly(2026, 11, 1));
        await App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            // Paused to Thursday 10 December inclusive; reminders on Mondays and Wednesdays only.
            await db.Patients.IgnoreQueryFilters().Where(p => p.Id == seeded.PatientId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.RemindersPausedUntil, new DateOnly(2026, 12, 10)));
            await db.Programs.IgnoreQueryFilters().Where(p => p.Id == seeded.ProgramId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.PatientReminderDays, WeekDays.Monday | WeekDays.Wednesday));
        });

        // Wednesday 9 and Thursday 10 (paused), Monday 14 (sent), Tuesday 15 (not chosen), Wednesday 16 (sent).
        foreach (var day in new[] { "2026-12-09", "2026-12-10", "2026-12-14", "2026-12-15", "2026-12-16" })
        {
            SetClock($"{day}T07:31:00Z");
            await RunAsync();
        }

        Assert.Equal(
            [new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 16)],
            (await DeliveriesAsync(seeded.ProgramId)).Select(d => d.LocalDate).Order());
    }

    [Theory]
    // A 07:30 reminder stays 07:30 local on both change days of both zones.
    [InlineData("America/New_York", "2026-03-08", "07:30", "2026-03-08T11:30:00Z")]
    [InlineData("America/New_York", "2026-11-01", "07:30", "2026-11-01T12:30:00Z")]
    [InlineData("Europe/London", "2026-03-29", "07:30", "2026-03-29T06:30:00Z")]
    [InlineData("Europe/London", "2026-10-25", "07:30", "2026-10-25T07:30:00Z")]
    // A slot in the spring-forward gap fires once, moved forward by the gap (03:30 EDT, 02:30 BST).
    [InlineData("America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30:00Z")]
    [InlineData("Europe/London", "2026-03-29", "01:30", "2026-03-29T01:30:00Z")]
    // A slot that happens twice on the fall-back day fires once, at its first occurrence.
    [InlineData("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z")]
    [InlineData("Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00Z")]
    public async Task On_dst_change_days_each_slot_fires_once_at_the_right_instant(string zone, string date, string time, string expected)
    {
        var to = $"{Token()}@example.org";
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        var slot = TimeOnly.Parse(time, CultureInfo.InvariantCulture);
        var seeded = await ReminderSeed.ProgramAsync(App, to, zone, [slot], day.AddDays(-3), end: day);
        var at = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);

        // Every 10 minutes from 3 hours before to 3 hours after (both occurrences of an ambiguous
        // hour are inside), plus the minute just before and the instant itself.
        var runs = Enumerable.Range(-18, 37).Select(i => at.AddMinutes(10 * i)).Append(at.AddMinutes(-1)).Order().ToList();
        DateTimeOffset? firstQueued = null;
        foreach (var now in runs)
        {
            App.Clock.AdjustTime(now);
            await RunAsync();
            if (firstQueued is null && (await DeliveriesAsync(seeded.ProgramId)).Count > 0)
            {
                firstQueued = now;
            }
        }

        Assert.Equal(at, firstQueued);
        var delivery = Assert.Single(await DeliveriesAsync(seeded.ProgramId));
        Assert.Equal((day, slot), (delivery.LocalDate, delivery.Slot));
        Assert.Equal(at.UtcDateTime, DateTime.SpecifyKind(delivery.DueAt, DateTimeKind.Utc));
        await DispatchAsync();
        Assert.Single(Mailbox.To(to));
    }

    private void SetClock(string utc) => App.Clock.AdjustTime(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));

    private Task<int> RunAsync() =>
        App.InScopeAsync(sp => sp.GetRequiredService<ReminderJob>().RunAsync(TestContext.Current.CancellationToken));

    /// <summary>The app's reminder job, sending through <paramref name="dispatcher"/>, its scan in batches of <paramref name="batchSize"/> when given.</summary>
    private ReminderJob Job(IServiceProvider sp, OutboxDispatchJob dispatcher, int? batchSize = null)
    {
        var options = sp.GetRequiredService<IOptions<ReminderOptions>>().Value;
        return new(
            sp.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            sp.GetRequiredService<ReminderEmails>(),
            dispatcher,
            Options.Create(new ReminderOptions { CatchUpHours = options.CatchUpHours, DigestTime = options.DigestTime, BatchSize = batchSize ?? options.BatchSize }),
            App.Clock,
            NullLogger<ReminderJob>.Instance);
    }

    /// <summary>A dispatcher whose mail server refuses connections (a port nobody listens on).</summary>
    private OutboxDispatchJob Unreachable(IServiceProvider sp)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return Dispatcher(sp, port);
    }

    /// <summary>A dispatcher with the app's settings, sending to a server on this loopback port.</summary>
    private OutboxDispatchJob Dispatcher(IServiceProvider sp, int port)
    {
        var smtp = sp.GetRequiredService<IOptions<SmtpOptions>>().Value;
        var down = new SmtpOptions { Host = IPAddress.Loopback.ToString(), Port = port, Security = SmtpSecurity.None, FromAddress = smtp.FromAddress, FromName = smtp.FromName, TimeoutSeconds = 10 };
        return new OutboxDispatchJob(
            sp.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            new MailSessionFactory(Options.Create(down), sp.GetRequiredService<IWebHostEnvironment>()),
            App.Clock,
            NullLogger<OutboxDispatchJob>.Instance);
    }

    private PatientLinks Links() => App.Services.GetRequiredService<PatientLinks>();

    private static FormUrlEncodedContent OneClick() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

    private Task<List<ReminderDelivery>> DeliveriesAsync(Guid programId) =>
        App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ReminderDeliveries.IgnoreQueryFilters().AsNoTracking().Where(d => d.ProgramId == programId).ToListAsync());

    private Task<bool> RemindersOffAsync(Guid patientId) =>
        App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Patients.IgnoreQueryFilters().Where(p => p.Id == patientId).Select(p => p.RemindersOff).SingleAsync());
}

public sealed class ReminderTestsOnSqlite(SqliteClockApp app) : ReminderTests<SqliteClockApp>(app);

public sealed class ReminderTestsOnPostgres(PostgresClockApp app) : ReminderTests<PostgresClockApp>(app);
