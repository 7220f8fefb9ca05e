using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Prescriber.Core.Notifications;
using Prescriber.Data;
using Prescriber.Data.Notifications;
using Prescriber.Web.Features.Notifications;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>The outbox and its dispatcher against the real SMTP server that tests/run.sh starts.</summary>
public abstract class OutboxTests<TApp>(TApp app) : MailTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task A_queued_message_arrives_once_with_both_parts_headers_and_attachment()
    {
        var token = Token();
        var calendar = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
        var row = await QueueAsync($"{token}@mail.test", m =>
        {
            m.ToName = "Pat Patient";
            m.Headers.Add(new OutboxHeader { Name = "List-Unsubscribe", Value = "<https://prescriber.test/unsubscribe/1>" });
            m.Attachments.Add(OutboxAttachment.FromBytes("plan.ics", "text/calendar", calendar));
        });

        await DispatchAsync();

        var received = Assert.Single(Mailbox.To(token));
        Assert.Equal(row.Subject, received.Subject);
        Assert.Equal(row.MessageId, received.MessageId);
        Assert.Equal("clinic@prescriber.test", received.From.Mailboxes.Single().Address);
        Assert.Equal("Prescriber Tests", received.From.Mailboxes.Single().Name);
        Assert.Equal(row.ToAddress, received.To.Mailboxes.Single().Address);
        Assert.Equal("Pat Patient", received.To.Mailboxes.Single().Name);
        Assert.Equal("<https://prescriber.test/unsubscribe/1>", received.Headers["List-Unsubscribe"]);
        Assert.Contains("Your routine for today", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>Your routine</strong>", received.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.Single(received.Attachments.OfType<MimePart>());
        Assert.Equal("plan.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        // The test server's maildir stores lines with LF endings; the bytes are otherwise the same.
        Assert.Equal(Encoding.UTF8.GetString(calendar).ReplaceLineEndings("\n"), Encoding.UTF8.GetString(content.ToArray()).ReplaceLineEndings("\n"));

        var stored = await RowAsync(row.Id);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        Assert.NotNull(stored.SentAt);
        Assert.Null(stored.LockedBy);
        Assert.Equal(1, stored.Attempts);

        await DispatchAsync();
        Assert.Single(Mailbox.To(token));
    }

    [Fact]
    public async Task A_wave_due_while_the_server_is_down_waits_then_arrives_exactly_once()
    {
        var token = Token();
        var rows = await QueueManyAsync(token, 50);

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var down = Smtp(ClosedPort());

        await DispatchWithAsync(down, clock);

        var waiting = await OutboxRowsAsync(token);
        Assert.Equal(50, waiting.Count);
        AssertAllWaitingForRetry(waiting, clock.GetUtcNow());
        Assert.All(waiting, r => Assert.Equal(1, r.Attempts));
        Assert.Empty(Mailbox.To(token));

        // Up again, but before the backoff has passed: nothing is due yet.
        clock.Advance(TimeSpan.FromSeconds(10));
        await DispatchWithAsync(Smtp(TestServices.SmtpPort), clock);
        Assert.Empty(Mailbox.To(token));

        clock.Advance(TimeSpan.FromSeconds(25));
        Assert.True(await DispatchWithAsync(Smtp(TestServices.SmtpPort), clock) >= 50);

        AssertDeliveredOnce(token, rows);
        Assert.All(await OutboxRowsAsync(token), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [Fact]
    public async Task A_crashed_dispatchers_messages_go_out_once_its_lease_has_run_out_and_not_before()
    {
        var token = Token();
        var rows = await QueueManyAsync(token, 3);

        // A dispatcher claimed them and died before sending: the rows stay "Sending" under its lease.
        var claimedAt = DateTime.UtcNow;
        await App.InScopeAsync(sp => Db(sp).OutboxMessages.Where(m => m.ToAddress.StartsWith(token))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LockedBy, "dead-node/1")
                .SetProperty(m => m.LockedUntil, claimedAt + OutboxDispatchJob.Lease)
                .SetProperty(m => m.Attempts, 1)));

        var clock = new FakeTimeProvider(new DateTimeOffset(claimedAt).AddMinutes(5));
        // (Counts are not asserted: other tests' rows share this outbox.)
        await DispatchWithAsync(Smtp(TestServices.SmtpPort), clock);
        Assert.Empty(Mailbox.To(token));

        clock.Advance(OutboxDispatchJob.Lease);
        await DispatchWithAsync(Smtp(TestServices.SmtpPort), clock);
        await DispatchWithAsync(Smtp(TestServices.SmtpPort), clock);

        AssertDeliveredOnce(token, rows);
        AssertAllSent(await OutboxRowsAsync(token), attempts: 2);
    }

    [Fact]
    public async Task Two_dispatchers_at_once_deliver_every_message_exactly_once()
    {
        var token = Token();
        var rows = await QueueManyAsync(token, 60);

        var runs = await Task.WhenAll(DispatchAsync(), DispatchAsync());

        Assert.True(runs.Sum() >= 60, $"sent {runs[0]} + {runs[1]}");
        AssertDeliveredOnce(token, rows);
        Assert.All(await OutboxRowsAsync(token), r => Assert.Equal(1, r.Attempts));
    }

    [Fact]
    public async Task One_run_over_three_connections_delivers_every_message_exactly_once()
    {
        var token = Token();
        var rows = await QueueManyAsync(token, 60);

        await using var gate = new SmtpGate(TestServices.SmtpHost!, TestServices.SmtpPort, max: int.MaxValue);
        var smtp = Smtp(gate.Port);
        smtp.Connections = 3;
        Assert.True(await DispatchWithAsync(smtp, TimeProvider.System) >= 60);
        Assert.Equal(3, gate.Passed);

        AssertDeliveredOnce(token, rows);
        AssertAllSent(await OutboxRowsAsync(token), attempts: 1);
    }

    [Fact]
    public async Task A_server_that_takes_one_connection_per_client_gets_the_whole_run_over_that_one()
    {
        var token = Token();
        var rows = await QueueManyAsync(token, 40);

        await using var gate = new SmtpGate(TestServices.SmtpHost!, TestServices.SmtpPort, max: 1);
        var smtp = Smtp(gate.Port);
        smtp.Connections = 3;
        Assert.True(await DispatchWithAsync(smtp, TimeProvider.System) >= 40);

        // The run asked for more connections, was refused, and still sent everything at once.
        Assert.True(gate.Refused >= 1, "the run never asked for a second connection");
        Assert.Equal(1, gate.Passed);
        AssertDeliveredOnce(token, rows);
        AssertAllSent(await OutboxRowsAsync(token), attempts: 1);
    }

    [Fact]
    public async Task A_single_email_goes_over_a_single_connection()
    {
        var token = Token();
        var row = await QueueAsync($"{token}@mail.test");

        await using var gate = new SmtpGate(TestServices.SmtpHost!, TestServices.SmtpPort, max: int.MaxValue);
        var smtp = Smtp(gate.Port);
        smtp.Connections = 3;
        Assert.Equal(1, await DispatchWithAsync(smtp, TimeProvider.System));

        Assert.Equal(1, gate.Passed);
        AssertDeliveredOnce(token, [row]);
    }

    [Fact]
    public async Task The_same_dedup_key_twice_stores_one_row_even_when_two_writers_race()
    {
        var token = Token();
        var key = $"test:{token}";
        Assert.True(await App.InScopeAsync(sp => OutboxWriter.EnqueueAndSaveAsync(Db(sp), Message($"{token}@mail.test", key), DateTime.UtcNow)));
        Assert.False(await App.InScopeAsync(sp => OutboxWriter.EnqueueAndSaveAsync(Db(sp), Message($"{token}@mail.test", key), DateTime.UtcNow)));

        // A race: both writers checked before either saved; the unique index settles it.
        var raceKey = $"race:{token}";
        await App.InScopeAsync(async sp =>
        {
            var factory = sp.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await using var first = await factory.CreateDbContextAsync();
            Assert.True(await OutboxWriter.EnqueueAsync(first, Message($"{token}-race@mail.test", raceKey), DateTime.UtcNow));
            await using var second = await factory.CreateDbContextAsync();
            Assert.True(await OutboxWriter.EnqueueAndSaveAsync(second, Message($"{token}-race@mail.test", raceKey), DateTime.UtcNow));

            var error = await Assert.ThrowsAsync<DbUpdateException>(() => first.SaveChangesAsync());
            Assert.True(OutboxWriter.IsDuplicateKey(error), error.InnerException?.Message);
        });

        Assert.Single(await OutboxRowsAsync(token), r => r.DedupKey == key);
        Assert.Single(await OutboxRowsAsync(token), r => r.DedupKey == raceKey);
        await DispatchAsync();
        Assert.Single(Mailbox.To($"{token}@"));
        Assert.Single(Mailbox.To($"{token}-race@"));
    }

    [Fact]
    public async Task A_5xx_reply_and_a_malformed_address_fail_with_the_reason_and_an_admin_can_retry()
    {
        var token = Token();
        var rejected = await QueueAsync($"{token}-rejected@mail.test");
        var malformed = await QueueAsync($"{token} at nowhere");
        await using (var rejecter = new FakeSmtpRejecter())
        {
            await DispatchWithAsync(Smtp(rejecter.Port), TimeProvider.System);
        }

        var failed = await RowAsync(rejected.Id);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
        Assert.Contains(FakeSmtpRejecter.Reason, failed.LastError, StringComparison.Ordinal);
        var bad = await RowAsync(malformed.Id);
        Assert.Equal(OutboxStatus.Failed, bad.Status);
        Assert.Contains("Invalid recipient address", bad.LastError, StringComparison.Ordinal);

        // Failed rows are not due: a normal run leaves them alone until an admin retries.
        await DispatchAsync();
        Assert.Equal(OutboxStatus.Failed, (await RowAsync(rejected.Id)).Status);
        Assert.True(await App.InScopeAsync(sp => sp.GetRequiredService<OutboxAdminService>().RetryAsync(rejected.Id)));
        Assert.Equal(OutboxStatus.Pending, (await RowAsync(rejected.Id)).Status);
        Assert.Equal(1, (await RowAsync(rejected.Id)).Attempts);

        await DispatchAsync();

        Assert.Single(Mailbox.To($"{token}-rejected"));
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(rejected.Id)).Status);
    }

    [Fact]
    public async Task Without_an_smtp_host_messages_become_eml_files_and_count_as_sent()
    {
        var token = Token();
        var folder = Directory.CreateTempSubdirectory("pickup-").FullName;
        try
        {
            var row = await QueueAsync($"{token}@mail.test");

            await DispatchWithAsync(new SmtpOptions { Host = null, PickupFolder = folder, FromAddress = "clinic@prescriber.test" }, TimeProvider.System);

            var file = Path.Combine(folder, $"{row.MessageId}.eml");
            Assert.True(File.Exists(file), $"{file} was not written");
            var message = await MimeMessage.LoadAsync(file);
            Assert.Equal(row.Subject, message.Subject);
            Assert.Equal(row.MessageId, message.MessageId);
            Assert.Contains("Your routine for today", message.TextBody, StringComparison.Ordinal);
            Assert.Equal(OutboxStatus.Sent, (await RowAsync(row.Id)).Status);
            Assert.Empty(Mailbox.To(token));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Queues <paramref name="count"/> messages to addresses starting with <paramref name="token"/>.</summary>
    private async Task<List<OutboxMessage>> QueueManyAsync(string token, int count)
    {
        var rows = new List<OutboxMessage>();
        for (var i = 0; i < count; i++)
        {
            rows.Add(await QueueAsync($"{token}-{i}@mail.test"));
        }

        return rows;
    }

    private static void AssertDeliveredOnce(string token, List<OutboxMessage> rows)
    {
        var received = Mailbox.To(token).GroupBy(m => m.MessageId ?? "").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(rows.Select(r => r.MessageId).Order(), received.Keys.Order());
        Assert.All(received, pair => Assert.Equal(1, pair.Value));
    }

    private static AppDbContext Db(IServiceProvider sp) => sp.GetRequiredService<AppDbContext>();

    private Task<OutboxMessage> RowAsync(Guid id) =>
        App.InScopeAsync(sp => Db(sp).OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>The same job on other mail settings and another clock.</summary>
    private Task<int> DispatchWithAsync(SmtpOptions smtp, TimeProvider time) =>
        App.InScopeAsync(sp => new OutboxDispatchJob(
                sp.GetRequiredService<IDbContextFactory<AppDbContext>>(),
                new MailSessionFactory(Options.Create(smtp), sp.GetRequiredService<IWebHostEnvironment>()),
                time,
                NullLogger<OutboxDispatchJob>.Instance)
            .RunAsync(TestContext.Current.CancellationToken));

    private static SmtpOptions Smtp(int port) => new()
    {
        Host = TestServices.SmtpHost,
        Port = port,
        Security = SmtpSecurity.None,
        FromAddress = "clinic@prescriber.test",
        FromName = "Prescriber Tests",
        TimeoutSeconds = 10,
    };

    /// <summary>A loopback port nobody listens on: connecting is refused at once.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class OutboxTestsOnSqlite(SqliteMailApp app) : OutboxTests<SqliteMailApp>(app);

public sealed class OutboxTestsOnPostgres(PostgresMailApp app) : OutboxTests<PostgresMailApp>(app);
