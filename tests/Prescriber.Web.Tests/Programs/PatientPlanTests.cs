using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Prescriber.Core.Programs;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Programs;

public abstract class PatientPlanTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task An_invited_patient_creates_a_sign_in_and_sees_only_their_own_plan()
    {
        var (_, email) = await App.CreateClinicUserAsync();
        var clinician = new ProgramClient(await App.SignedInClientAsync(email));
        var library = await clinician.LibraryAsync();
        var patient = await clinician.CreatePatientAsync();
        var other = await clinician.CreatePatientAsync();
        var program = await clinician.AssignAsync(patient.Id, ProgramClient.Draft(library["floor-snow-angels"], library["bird-dog"]));
        var otherProgram = await clinician.AssignAsync(other.Id, ProgramClient.Draft(library["prone-t-raise"]));

        var invitation = await clinician.Http.PostAsync($"/api/patients/{patient.Id}/invitations", null);
        Assert.Equal(HttpStatusCode.Created, invitation.StatusCode);
        var link = new Uri((string)(await invitation.Content.ReadFromJsonAsync<JsonObject>())!["link"]!).PathAndQuery;

        var visitor = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Contains("Hello Ada Patient", await visitor.GetStringAsync(link), StringComparison.Ordinal);
        var weak = await PostInviteAsync(visitor, link, "shortpw");
        var refused = await weak.Content.ReadAsStringAsync();
        Assert.Contains("at least 10 characters", refused, StringComparison.Ordinal);
        Assert.Contains("The password needs a number (0 to 9) somewhere in it.", System.Net.WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("shortpw", refused, StringComparison.Ordinal);
        var accepted = await PostInviteAsync(visitor, link, "My-own-password-9");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var plan = await visitor.GetStringAsync("/plan");
        Assert.True(plan.IndexOf("Floor snow angels", StringComparison.Ordinal) < plan.IndexOf("Bird dog", StringComparison.Ordinal));
        Assert.Contains("Stop and contact your clinician", plan, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/plan/{program.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/plan/{otherProgram.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await visitor.GetAsync($"/api/programs/{program.Id}")).StatusCode);

        Assert.Contains("does not work any more", await App.CreateClient().GetStringAsync(link), StringComparison.Ordinal);
        var signedIn = await App.SignedInClientAsync(patient.Email, "My-own-password-9");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/plan")).StatusCode);
    }

    [Fact]
    public async Task The_printable_plan_lists_the_exercises_in_order_with_safety_line_and_qr_code()
    {
        var (_, email) = await App.CreateClinicUserAsync();
        var clinician = new ProgramClient(await App.SignedInClientAsync(email));
        var library = await clinician.LibraryAsync();
        var patient = await clinician.CreatePatientAsync();
        var draft = ProgramClient.Draft(library["pectoral-stretch-foam-roll"], library["bird-dog"]);
        draft.Exercises[0].Substitute = "A pool noodle";
        draft.Exercises[0].Level = "Arms straight";
        var program = await clinician.AssignAsync(patient.Id, draft);

        var html = await clinician.Http.GetStringAsync($"/programs/{program.Id}/print");

        Assert.True(html.IndexOf("Pectoral stretch on a foam roll", StringComparison.Ordinal) < html.IndexOf("Bird dog", StringComparison.Ordinal));
        Assert.Contains("Use instead: A pool noodle", html, StringComparison.Ordinal);
        Assert.Contains("Arms straight:", html, StringComparison.Ordinal);
        Assert.Contains("8 times, hold 3 s, each side", html, StringComparison.Ordinal);
        Assert.Contains("Once a day, every day", html, StringComparison.Ordinal);
        Assert.Contains("Stop and contact your clinician", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_patient_sets_their_own_reminder_times_and_turns_reminders_off()
    {
        var (_, email) = await App.CreateClinicUserAsync();
        var clinician = new ProgramClient(await App.SignedInClientAsync(email));
        var library = await clinician.LibraryAsync();
        var patient = await clinician.CreatePatientAsync();
        var program = await clinician.AssignAsync(patient.Id, ProgramClient.Draft(library["bird-dog"]));
        var otherPatient = await clinician.CreatePatientAsync();
        var otherProgram = await clinician.AssignAsync(otherPatient.Id, ProgramClient.Draft(library["bird-dog"]));
        var me = await InvitedPatientAsync(clinician, patient.Id);

        var page = await me.GetStringAsync("/my/reminders");
        Assert.Contains("placeholder=\"07:30\"", page, StringComparison.Ordinal);

        var bad = await PostRemindersAsync(me, new() { [$"Input.Times[{program.Id}]"] = "25:99" });
        Assert.Contains("25:99&#x27; is not a time", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await PostRemindersAsync(me, new()
        {
            [$"Input.Times[{program.Id}]"] = "19:00, 8:15",
            [$"Input.Times[{otherProgram.Id}]"] = "03:00",
        });
        Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = await clinician.GetAsync(program.Id);
        Assert.Equal([new TimeOnly(8, 15), new TimeOnly(19, 0)], stored.PatientReminderTimes!);
        Assert.Null((await clinician.GetAsync(otherProgram.Id)).PatientReminderTimes);
        var record = await clinician.Http.GetFromJsonAsync<Core.Patients.Patient>($"/api/patients/{patient.Id}", ProgramClient.Json);
        Assert.True(record!.RemindersOff);
    }

    [Fact]
    public async Task A_signed_in_patient_pauses_reminders_for_a_holiday_and_chooses_their_days()
    {
        var (_, email) = await App.CreateClinicUserAsync();
        var clinician = new ProgramClient(await App.SignedInClientAsync(email));
        var library = await clinician.LibraryAsync();
        var patient = await clinician.CreatePatientAsync();
        var program = await clinician.AssignAsync(patient.Id, ProgramClient.Draft(library["bird-dog"]));
        var me = await InvitedPatientAsync(clinician, patient.Id);
        var page = await me.GetStringAsync("/my/reminders");
        Assert.Contains($"name=\"Input.Day[{program.Id}:Sunday]\"", page, StringComparison.Ordinal);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Dictionary<string, string> Form(DateOnly? until, params WeekDays[] days)
        {
            var fields = new Dictionary<string, string> { ["Input.On"] = "true", [$"Input.DaysShown[{program.Id}]"] = "true" };
            fields["Input.PausedUntil"] = until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            foreach (var day in days)
            {
                fields[$"Input.Day[{program.Id}:{day}]"] = "true";
            }

            return fields;
        }

        // A pause that ended before today, or a program with no day ticked: refused, nothing stored.
        var past = await (await PostRemindersAsync(me, Form(today.AddDays(-3), WeekDays.Monday))).Content.ReadAsStringAsync();
        Assert.Contains("Choose a day from today to a year ahead", past, StringComparison.Ordinal);
        var none = await (await PostRemindersAsync(me, Form(null))).Content.ReadAsStringAsync();
        Assert.Contains("Tick at least one day", none, StringComparison.Ordinal);
        Assert.Null((await clinician.GetAsync(program.Id)).PatientReminderDays);

        var saved = await (await PostRemindersAsync(me, Form(today.AddDays(10), WeekDays.Monday, WeekDays.Thursday))).Content.ReadAsStringAsync();
        Assert.Contains("Saved.", saved, StringComparison.Ordinal);
        Assert.Contains("Paused: no reminders until after", saved, StringComparison.Ordinal);
        Assert.Equal(WeekDays.Monday | WeekDays.Thursday, (await clinician.GetAsync(program.Id)).PatientReminderDays);
        var record = await clinician.Http.GetFromJsonAsync<Core.Patients.Patient>($"/api/patients/{patient.Id}", ProgramClient.Json);
        Assert.Equal(today.AddDays(10), record!.RemindersPausedUntil);
        Assert.False(record.RemindersOff);
        // The clinician sees the pause and the narrowed days on the patient's page.
        var patientPage = WebUtility.HtmlDecode(await clinician.Http.GetStringAsync($"/patients/{patient.Id}"));
        Assert.Contains($"Reminder emails: Paused by the patient until {today.AddDays(10).ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)} inclusive.", patientPage, StringComparison.Ordinal);
        Assert.Contains("Mon, Thu (the patient's days)", patientPage, StringComparison.Ordinal);
        // And the patient's own plan says when the reminders come now.
        Assert.Contains("(your time), on Mon, Thu only.", WebUtility.HtmlDecode(await me.GetStringAsync("/plan")), StringComparison.Ordinal);

        // Every day of the plan again, and no pause: back to the plan's own days.
        Assert.Contains("Saved.", await (await PostRemindersAsync(me, Form(null, [.. WeekDaysExtensions.InOrder]))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await clinician.GetAsync(program.Id)).PatientReminderDays);
        Assert.Null((await clinician.Http.GetFromJsonAsync<Core.Patients.Patient>($"/api/patients/{patient.Id}", ProgramClient.Json))!.RemindersPausedUntil);
    }

    [Fact]
    public async Task A_signed_in_patient_sees_their_sessions_and_adherence()
    {
        var (_, email) = await App.CreateClinicUserAsync();
        var clinician = new ProgramClient(await App.SignedInClientAsync(email));
        var library = await clinician.LibraryAsync();
        var patient = await clinician.CreatePatientAsync();
        var program = await clinician.GetAsync((await clinician.AssignAsync(patient.Id, ProgramClient.Draft(library["bird-dog"]))).Id);
        var me = await InvitedPatientAsync(clinician, patient.Id);
        var item = program.Versions[0].Exercises[0];
        var logged = await me.PostAsJsonAsync("/api/sessions", new
        {
            programId = program.Id,
            painBefore = 4,
            painAfter = 2,
            difficulty = 5,
            idempotencyKey = Guid.NewGuid().ToString("N"),
            entries = new[] { new { prescribedExerciseId = item.Id, outcome = "done" } },
        });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);

        var history = await me.GetStringAsync("/my/history");

        Assert.Contains("4 → 2", history, StringComparison.Ordinal);
        Assert.Contains("history-completed", history, StringComparison.Ordinal);
        Assert.Contains("100%", history, StringComparison.Ordinal);
        // The weeks before this plan began are no days of it: not "rest days".
        Assert.Contains(">no plan<", history, StringComparison.Ordinal);
        Assert.DoesNotContain(">rest day<", history, StringComparison.Ordinal);
    }

    /// <summary>The patient accepts an emailed invitation and is signed in on the returned client.</summary>
    private async Task<HttpClient> InvitedPatientAsync(ProgramClient clinician, Guid patientId)
    {
        var invitation = await clinician.Http.PostAsync($"/api/patients/{patientId}/invitations", null);
        var link = new Uri((string)(await invitation.Content.ReadFromJsonAsync<JsonObject>())!["link"]!).PathAndQuery;
        var me = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await PostInviteAsync(me, link, "My-own-password-9")).StatusCode);
        return me;
    }

    private static async Task<HttpResponseMessage> PostRemindersAsync(HttpClient client, Dictionary<string, string> fields)
    {
        fields["_handler"] = "reminders";
        fields["__RequestVerificationToken"] = await SignIn.AntiforgeryTokenAsync(client, "/my/reminders");
        return await client.PostAsync("/my/reminders", new FormUrlEncodedContent(fields));
    }

    private static async Task<HttpResponseMessage> PostInviteAsync(HttpClient client, string link, string password)
    {
        var token = await SignIn.AntiforgeryTokenAsync(client, link);
        return await client.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "invite",
            ["__RequestVerificationToken"] = token,
            ["Input.Password"] = password,
            ["Input.Confirm"] = password,
        }));
    }
}

public sealed class PatientPlanTestsOnSqlite(SqliteApp app) : PatientPlanTests<SqliteApp>(app);

public sealed class PatientPlanTestsOnPostgres(PostgresApp app) : PatientPlanTests<PostgresApp>(app);
