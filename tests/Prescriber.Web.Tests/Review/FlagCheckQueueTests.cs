using System.Net;
using System.Net.Http.Json;
using Prescriber.Core.Flags;
using Prescriber.Core.Safety;
using Prescriber.Web.Features.Sessions;
using Prescriber.Web.Tests.Infrastructure;
using Prescriber.Web.Tests.Sessions;

namespace Prescriber.Web.Tests.Review;

/// <summary>
/// The clinic's flag rules run after the answer, from a queue row saved with the session; the
/// safety screening's flag does not wait for them.
/// </summary>
public abstract class FlagCheckQueueTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task The_screening_flag_is_there_at_once_and_the_queued_rules_add_to_it_once()
    {
        var setup = await LoggingSetup.CreateAsync(App);

        Assert.Equal(HttpStatusCode.Created, (await setup.PostAsync(setup.Submission(painBefore: 3, painAfter: 8))).StatusCode);

        // Before any rule ran: the screening's flag is stored with the session, and the rules are queued.
        var screening = Assert.Single(await setup.FlagsNowAsync());
        Assert.Equal(FlagKind.Pain, screening.Kind);
        Assert.Equal(ScreeningTier.Review, screening.Severity);
        Assert.DoesNotContain("Pain 8/10", screening.Summary, StringComparison.Ordinal);
        Assert.Equal(1, await setup.QueuedFlagChecksAsync());

        // Two runs, as two nodes or a retried job would: the rules raise the same flag once.
        await setup.RunQueuedFlagChecksAsync();
        await setup.RunQueuedFlagChecksAsync();

        var flag = Assert.Single(await setup.FlagsNowAsync());
        Assert.Equal(screening.Id, flag.Id);
        Assert.Equal(ScreeningTier.Urgent, flag.Severity);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(flag.Summary, "Pain 8/10"));
        Assert.Equal(0, await setup.QueuedFlagChecksAsync());
    }

    [Fact]
    public async Task Rules_that_run_after_the_checklist_was_answered_add_to_the_logging_flag_not_the_answers()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var logged = await setup.PostAsync(setup.Submission(painBefore: 3, painAfter: 8));
        var receipt = (await logged.Content.ReadFromJsonAsync<SessionReceipt>(LoggingSetup.Json))!;
        var answered = await setup.ApiClient().PostAsJsonAsync($"/api/sessions/{receipt.Id}/screening", new { yes = new[] { 5 } }, LoggingSetup.Json);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(2, (await setup.FlagsNowAsync()).Count);

        await setup.RunQueuedFlagChecksAsync();

        var flags = await setup.FlagsNowAsync();
        Assert.Equal(2, flags.Count);
        var logging = Assert.Single(flags, f => f.Kind == FlagKind.Pain);
        Assert.Contains("Pain 8/10", logging.Summary, StringComparison.Ordinal);
        Assert.Equal(ScreeningTier.Urgent, logging.Severity);
        Assert.DoesNotContain("Pain 8/10", Assert.Single(flags, f => f.Kind == FlagKind.RedFlagAnswer).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_sent_twice_queues_its_rules_once()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var body = setup.Submission(key: "queue-once-01");

        Assert.Equal(HttpStatusCode.Created, (await setup.PostAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await setup.PostAsync(body)).StatusCode);

        Assert.Equal(1, await setup.StoredSessionsAsync());
        Assert.Equal(1, await setup.QueuedFlagChecksAsync());
    }
}

public sealed class FlagCheckQueueTestsOnSqlite(SqliteApp app) : FlagCheckQueueTests<SqliteApp>(app);

public sealed class FlagCheckQueueTestsOnPostgres(PostgresApp app) : FlagCheckQueueTests<PostgresApp>(app);
