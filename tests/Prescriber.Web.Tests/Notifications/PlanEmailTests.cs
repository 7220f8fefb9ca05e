using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Ical.Net.DataTypes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Web.Features.Patients;
using Prescriber.Web.Tests.Infrastructure;
using Prescriber.Web.Tests.Programs;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>The plan email of every new version, as the patient's mail server receives it.</summary>
public abstract partial class PlanEmailTests<TApp>(TApp app) : MailTests<TApp>(app) where TApp : PrescriberApp
{
    [GeneratedRegex(@"https?://\S+/today/[A-Za-z0-9_-]+")]
    private static partial Regex TodayLink();

    [Fact]
    public async Task Assigning_emails_the_plan_with_text_html_link_and_a_calendar_in_the_patients_zone()
    {
        var (clinician, patient, to) = await PatientAsync("America/New_York");
        var library = await clinician.LibraryAsync();
        var draft = ProgramClient.Draft(library.Values.OrderBy(e => e.Slug).Take(2).ToArray());
        draft.Days = WeekDays.Monday | WeekDays.Wednesday | WeekDays.Friday;
        draft.EndDate = new DateOnly(2026, 12, 18);
        // Once a day with a second, evening reminder: the calendar still holds one session a day.
        draft.ReminderTimes = [new TimeOnly(7, 30), new TimeOnly(18, 0)];
        var program = await clinician.AssignAsync(patient.Id, draft);
        await DispatchAsync();

        var message = Assert.Single(Mailbox.To(to));
        Assert.Equal("Your home exercise plan: Upper back, week 1", message.Subject);
        // Who it is from: the patient's clinic (the test clinics are named "Clinic <id>").
        Assert.Matches(@"Here is your home exercise plan from Clinic [0-9a-f]{32}, Upper back, week 1\.", message.TextBody);
        Assert.Matches(@"Here is your home exercise plan from Clinic [0-9a-f]{32}, <strong>Upper back, week 1</strong>\.", message.HtmlBody);
        Assert.Contains(SafetyText.Line, message.TextBody, StringComparison.Ordinal);
        foreach (var item in draft.Exercises)
        {
            var name = library.Values.Single(e => e.Id == item.ExerciseId).Name;
            Assert.Contains(name, message.TextBody, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(name), message.HtmlBody, StringComparison.Ordinal);
        }

        Assert.Contains("Once a day, Mon, Wed, Fri.", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", message.HtmlBody, StringComparison.OrdinalIgnoreCase);

        // The personal link reads back as this patient's and this program's.
        var link = TodayLink().Match(message.TextBody ?? "").Value;
        Assert.Contains(link, message.HtmlBody, StringComparison.Ordinal);
        var grant = App.Services.GetRequiredService<PatientLinks>().Read(PatientLinkPurpose.Today, link[(link.LastIndexOf('/') + 1)..]);
        Assert.NotNull(grant);
        Assert.Equal((patient.Id, program.Id), (grant.PatientId, grant.ProgramId));

        // The calendar, parsed back: the patient's zone, the program's days, 07:30 New York time.
        var ics = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("plan.ics", ics.FileName);
        Assert.Equal("text/calendar", ics.ContentType.MimeType);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content, TestContext.Current.CancellationToken);
        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/New_York");
        var session = Assert.Single(calendar.Events);
        Assert.Equal("Upper back, week 1", session.Summary);
        Assert.Contains(link, session.Description, StringComparison.Ordinal);
        Assert.Equal("America/New_York", session.DtStart!.TzId);
        var rule = session.RecurrenceRule!;
        Assert.Equal(Ical.Net.FrequencyType.Weekly, rule.Frequency);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], rule.ByDay.Select(d => d.DayOfWeek).Order());
        Assert.NotNull(rule.Until);
        var first = session.GetOccurrences(new CalDateTime(2026, 11, 1)).First();
        // Monday 2026-11-23 07:30 EST.
        Assert.Equal(new DateTime(2026, 11, 23, 12, 30, 0, DateTimeKind.Utc), first.Period.StartTime.AsUtc);
        var occurrences = session.GetOccurrences(new CalDateTime(2026, 11, 1)).TakeWhile(o => o.Period.StartTime.AsUtc < new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)).ToList();
        // Mon/Wed/Fri from 23 Nov to 18 Dec inclusive: 4 weeks x 3.
        Assert.Equal(12, occurrences.Count);
    }

    [Fact]
    public async Task A_new_version_emails_what_changed_and_the_clinicians_note()
    {
        var (clinician, patient, to) = await PatientAsync("Europe/London");
        var library = await clinician.LibraryAsync();
        var exercises = library.Values.OrderBy(e => e.Slug).Take(2).ToArray();
        var program = await clinician.AssignAsync(patient.Id, ProgramClient.Draft(exercises));

        var draft = ProgramClient.Draft(exercises);
        draft.Exercises[0].Reps += 2;
        draft.TimesPerDay = 2;
        draft.Note = "Progressed the reps: you are doing well.";
        draft.Revision = program.Revision;
        Assert.Equal(HttpStatusCode.OK, (await clinician.AdjustAsync(program.Id, draft)).StatusCode);
        await DispatchAsync();

        var messages = Mailbox.To(to);
        Assert.Equal(2, messages.Count);
        var update = Assert.Single(messages, m => m.Subject == "Your plan has changed: Upper back, week 1");
        Assert.Contains("What changed:", update.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{exercises[0].Name}: ", update.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sessions a day: 1 → 2", update.TextBody, StringComparison.Ordinal);
        // The renderer writes non-ASCII as character references.
        Assert.Contains("Sessions a day: 1 → 2", WebUtility.HtmlDecode(update.HtmlBody), StringComparison.Ordinal);
        Assert.Contains("Progressed the reps: you are doing well.", update.TextBody, StringComparison.Ordinal);
        Assert.Contains("Progressed the reps: you are doing well.", WebUtility.HtmlDecode(update.HtmlBody), StringComparison.Ordinal);
        Assert.Contains("Twice a day", update.TextBody, StringComparison.Ordinal);
    }

    private async Task<(ProgramClient Clinician, Patient Patient, string To)> PatientAsync(string timeZone)
    {
        var (_, email) = await App.CreateClinicUserAsync();
        var clinician = new ProgramClient(await App.SignedInClientAsync(email));
        var to = $"{Token()}@example.org";
        var response = await clinician.Http.PostAsJsonAsync("/api/patients", new PatientDraft { Name = "Ada Patient", Email = to, TimeZone = timeZone }, ProgramClient.Json, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var patient = (await response.Content.ReadFromJsonAsync<Patient>(ProgramClient.Json, TestContext.Current.CancellationToken))!;
        return (clinician, patient, to);
    }
}

public sealed class PlanEmailTestsOnSqlite(SqliteMailApp app) : PlanEmailTests<SqliteMailApp>(app);

public sealed class PlanEmailTestsOnPostgres(PostgresMailApp app) : PlanEmailTests<PostgresMailApp>(app);
