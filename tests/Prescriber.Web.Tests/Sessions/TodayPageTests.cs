using System.Net;
using System.Text.RegularExpressions;
using Prescriber.Core.Safety;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Sessions;

public abstract partial class TodayPageTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [GeneratedRegex("name=\"Input.IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();

    [GeneratedRegex("name=\"Input.Entries\\[(\\d+)\\].PrescribedExerciseId\" value=\"([^\"]+)\"")]
    private static partial Regex EntryField();

    [Fact]
    public async Task The_link_opens_the_routine_and_one_submit_stores_the_session_once()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var client = App.CreateClient(new() { HandleCookies = true });
        var path = $"/today/{setup.Token}";

        var page = await client.GetStringAsync(path);
        Assert.True(page.IndexOf("Prone T raise", StringComparison.Ordinal) < page.IndexOf("Bird dog", StringComparison.Ordinal));
        Assert.Contains("Stop and contact your clinician", page, StringComparison.Ordinal);
        // What to have at hand, outside the folded steps, as on the plan and in the email.
        Assert.Contains("You need: Small towel", page, StringComparison.Ordinal);
        var form = FormFields(page, skipFirst: true);

        var first = await client.PostAsync(path, new FormUrlEncodedContent(form));
        var second = await client.PostAsync(path, new FormUrlEncodedContent(form));

        Assert.Contains("Saved. Well done.", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Saved. Well done.", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await setup.StoredSessionsAsync());
        Assert.Contains("You already logged a session today", await client.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worrying_answers_on_the_form_lead_to_the_checklist_and_its_message()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var client = App.CreateClient(new() { HandleCookies = true });
        var path = $"/today/{setup.Token}";
        var form = FormFields(await client.GetStringAsync(path), skipFirst: true);
        form["Input.PainBefore"] = "3";
        form["Input.PainAfter"] = "7";
        form["Input.Note"] = "sharp pain spreading into my left arm";

        var checklist = await (await client.PostAsync(path, new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("A few quick questions", checklist, StringComparison.Ordinal);
        Assert.Contains("Because of what you told us (pain after the session 7/10, pain rose from 3 to 7 and the note mentions", WebUtility.HtmlDecode(checklist), StringComparison.Ordinal);
        Assert.DoesNotContain(SafetyChecklist.CrisisLine, checklist, StringComparison.Ordinal);
        var sessionId = Regex.Match(checklist, "name=\"Screening.SessionId\" value=\"([^\"]+)\"").Groups[1].Value;
        var answers = new Dictionary<string, string>
        {
            ["_handler"] = "screening",
            ["__RequestVerificationToken"] = AntiforgeryToken(checklist),
            ["Screening.SessionId"] = sessionId,
        };
        for (var i = 0; i < 10; i++)
        {
            answers[$"Screening.Answers[{i}]"] = i == 4 ? "yes" : "no";
        }

        var posted = await client.PostAsync(path, new FormUrlEncodedContent(answers));
        var result = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.IsSuccessStatusCode, $"{(int)posted.StatusCode}: {result}");

        Assert.Contains("Stop these exercises and contact your clinician today", result, StringComparison.Ordinal);
        Assert.Equal(2, (await setup.FlagsAsync()).Count);
    }

    [Fact]
    public async Task A_note_about_self_harm_shows_the_crisis_line_above_the_checklist_before_any_answer()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var client = App.CreateClient(new() { HandleCookies = true });
        var path = $"/today/{setup.Token}";
        var form = FormFields(await client.GetStringAsync(path), skipFirst: true);
        form["Input.Note"] = "managed them, but lately I feel everyone would be better off without me";

        var checklist = WebUtility.HtmlDecode(await (await client.PostAsync(path, new FormUrlEncodedContent(form))).Content.ReadAsStringAsync());

        Assert.Contains("A few quick questions", checklist, StringComparison.Ordinal);
        Assert.True(checklist.IndexOf(SafetyChecklist.CrisisLine, StringComparison.Ordinal) is var at && at >= 0 && at < checklist.IndexOf("1. ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plan_made_today_offers_no_day_before_it_began()
    {
        var older = await LoggingSetup.CreateAsync(App);
        var client = App.CreateClient(new() { HandleCookies = true });
        Assert.Contains("Yesterday (", await client.GetStringAsync($"/today/{older.Token}"), StringComparison.Ordinal);

        var setup = await LoggingSetup.CreateAsync(App, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)));
        var page = await client.GetStringAsync($"/today/{setup.Token}");

        Assert.Contains("Prone T raise", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Which day is this for?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Yesterday (", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_and_tampered_links_open_nothing()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var client = App.CreateClient();

        var expired = await client.GetStringAsync($"/today/{App.TodayToken(setup.Patient.Id, setup.Program.Id, TimeSpan.FromSeconds(-1))}");
        var tampered = await client.GetStringAsync($"/today/{setup.Token}x");

        Assert.Contains("This link does not work any more", expired, StringComparison.Ordinal);
        Assert.DoesNotContain("Prone T raise", expired, StringComparison.Ordinal);
        Assert.Contains("This link does not work any more", tampered, StringComparison.Ordinal);
        var anonymous = await App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/today");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    private static Dictionary<string, string> FormFields(string page, bool skipFirst)
    {
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "log",
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["Input.IdempotencyKey"] = KeyField().Match(page).Groups[1].Value,
            ["Input.PainBefore"] = "2",
            ["Input.PainAfter"] = "2",
            ["Input.Difficulty"] = "5",
        };
        foreach (Match entry in EntryField().Matches(page))
        {
            var i = entry.Groups[1].Value;
            fields[$"Input.Entries[{i}].PrescribedExerciseId"] = entry.Groups[2].Value;
            fields[$"Input.Entries[{i}].Outcome"] = "Done";
        }

        Assert.True(skipFirst || fields.Count > 0);
        return fields;
    }

    private static string AntiforgeryToken(string page) => SignIn.AntiforgeryTokenIn(page);
}

public sealed class TodayPageTestsOnSqlite(SqliteApp app) : TodayPageTests<SqliteApp>(app);

public sealed class TodayPageTestsOnPostgres(PostgresApp app) : TodayPageTests<PostgresApp>(app);
