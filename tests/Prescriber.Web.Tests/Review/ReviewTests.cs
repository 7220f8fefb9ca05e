using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Core.Adherence;
using Prescriber.Core.Flags;
using Prescriber.Core.Patients;
using Prescriber.Core.Programs;
using Prescriber.Core.Sessions;
using Prescriber.Data;
using Prescriber.Web.Features.Review;
using Prescriber.Web.Tests.Infrastructure;
using Prescriber.Web.Tests.Sessions;
using R4 = Hl7.Fhir.Model;

namespace Prescriber.Web.Tests.Review;

public abstract class ReviewTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task High_pain_raises_a_critical_flag_that_is_acknowledged_and_resolved_with_audit_rows()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        Assert.Equal(HttpStatusCode.Created, (await setup.PostAsync(setup.Submission(painBefore: 3, painAfter: 8))).StatusCode);

        // The screening's own flag for the session is raised to critical, not doubled.
        var flag = Assert.Single(await setup.FlagsAsync());
        Assert.Equal(Core.Safety.ScreeningTier.Urgent, flag.Severity);
        Assert.Contains("Pain 8/10", flag.Summary, StringComparison.Ordinal);
        var worklist = (await setup.Clinician.Http.GetFromJsonAsync<List<FlagRow>>("/api/review/flags", LoggingSetup.Json))!;
        Assert.Equal(Core.Safety.ScreeningTier.Urgent, worklist.First(r => r.PatientId == setup.Patient.Id).Severity);
        Assert.Null(worklist.First(r => r.PatientId == setup.Patient.Id).SessionNote);

        var http = setup.Clinician.Http;
        // The patient's review page shows it until it is resolved.
        Assert.Contains("Pain 8/10", await http.GetStringAsync($"/review/patients/{setup.Patient.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/review/flags/{flag.Id}/acknowledge", new FlagChange("Calling her now"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync($"/api/review/flags/{flag.Id}/resolve", new FlagChange(" "))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/review/flags/{flag.Id}/resolve", new FlagChange("Spoke to her; pain settled"))).StatusCode);

        var stored = Assert.Single(await setup.FlagsAsync(), f => f.Id == flag.Id);
        Assert.Equal((FlagStatus.Resolved, "Spoke to her; pain settled"), (stored.Status, stored.Comment));
        var actions = await AuditAsync(setup.Patient.Id);
        Assert.Contains("flag.acknowledge", actions);
        Assert.Contains("flag.resolve", actions);
        var open = (await http.GetFromJsonAsync<List<FlagRow>>("/api/review/flags", LoggingSetup.Json))!;
        Assert.DoesNotContain(open, r => r.Id == flag.Id);
        Assert.DoesNotContain("Pain 8/10", await http.GetStringAsync($"/review/patients/{setup.Patient.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flag_raised_by_a_note_shows_the_patients_words_in_the_worklist()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        const string note = "felt woozy, and the ache goes round to the front";
        Assert.Equal(HttpStatusCode.Created, (await setup.PostAsync(setup.Submission(painBefore: 2, painAfter: 3, note: note))).StatusCode);

        var row = Assert.Single((await setup.Clinician.Http.GetFromJsonAsync<List<FlagRow>>("/api/review/flags", LoggingSetup.Json))!, r => r.PatientId == setup.Patient.Id);
        Assert.Equal(note, row.SessionNote);
        Assert.Contains("dizziness", row.Summary, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await setup.Clinician.Http.GetStringAsync("/review/flags"));
        Assert.Contains($"Note: \u201c{note}\u201d", page, StringComparison.Ordinal);

        // When it was raised, in the clinic's own hours.
        await App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Clinics
            .Where(c => c.Id == setup.Patient.ClinicId).ExecuteUpdateAsync(u => u.SetProperty(c => c.TimeZone, "Asia/Tokyo")));
        var tokyo = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var local = WebUtility.HtmlDecode(await setup.Clinician.Http.GetStringAsync("/review/flags"));
        Assert.Contains("Raised (Asia/Tokyo)", local, StringComparison.Ordinal);
        Assert.Contains(tokyo.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), local, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_silence_job_flags_a_quiet_patient_once()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        for (var run = 0; run < 2; run++)
        {
            await App.InScopeAsync(sp => sp.GetRequiredService<SilenceFlagJob>().RunAsync(CancellationToken.None));
        }

        var silence = Assert.Single(await setup.FlagsAsync(), f => f.Kind == FlagKind.Silence);
        Assert.Contains("No session logged since the plan started", silence.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_parse_back_the_fhir_bundle_has_the_right_codes_and_the_csv_round_trips()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        Assert.Equal(HttpStatusCode.Created, (await setup.PostAsync(setup.Submission(painBefore: 4, painAfter: 2, note: "Felt good, a bit stiff"))).StatusCode);
        var http = setup.Clinician.Http;
        var id = setup.Patient.Id;

        var json = await http.GetStringAsync($"/api/review/patients/{id}/fhir");
        var bundle = new FhirJsonDeserializer().Deserialize<R4.Bundle>(json);
        var resources = bundle.Entry.Select(e => e.Resource).ToList();
        Assert.Single(resources.OfType<R4.Patient>());
        Assert.Single(resources.OfType<R4.CarePlan>());
        var requests = resources.OfType<R4.ServiceRequest>().ToList();
        Assert.Equal(setup.Current.Exercises.Count, requests.Count);
        Assert.All(requests, r => Assert.Equal("229065009", r.Code!.Coding.Single().Code));
        Assert.All(requests, r => Assert.False(string.IsNullOrEmpty(r.PatientInstruction!)));
        var pains = resources.OfType<R4.Observation>().ToList();
        Assert.Equal(2, pains.Count);
        Assert.All(pains, o => Assert.Equal(("http://loinc.org", "72514-3"), (o.Code.Coding.Single().System, o.Code.Coding.Single().Code)));
        Assert.Equal([2, 4], pains.Select(o => ((R4.Integer)o.Value!).Value!.Value).Order());
        Assert.Equal(R4.EventStatus.Completed, Assert.Single(resources.OfType<R4.Procedure>()).Status);

        var csv = await http.GetStringAsync($"/api/review/patients/{id}/sessions.csv");
        using (var reader = CsvReader.FromText(csv, null))
        {
            Assert.True(reader.Read());
            Assert.Equal(id.ToString(), reader.GetString("PatientId"));
            Assert.Equal("Completed", reader.GetString("Status"));
            Assert.Equal("4", reader.GetString("PainBefore"));
            Assert.Equal("Felt good, a bit stiff", reader.GetString("Note"));
            Assert.False(reader.Read());
        }

        var adherence = await http.GetStringAsync($"/api/review/patients/{id}/adherence.csv");
        using (var reader = CsvReader.FromText(adherence, null))
        {
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                Assert.Equal(setup.Program.Name, reader.GetString("Program"));
            }

            Assert.Equal(28, rows);
        }

        Assert.Contains(id.ToString(), await http.GetStringAsync("/api/review/clinic/sessions.csv"), StringComparison.Ordinal);
        Assert.Contains(id.ToString(), await http.GetStringAsync("/api/review/clinic/adherence.csv"), StringComparison.Ordinal);
        var actions = await AuditAsync(id);
        Assert.Contains("export.fhir", actions);
        Assert.Contains("export.sessions-csv", actions);
        Assert.Contains("export.adherence-csv", actions);
    }

    [Fact]
    public async Task Another_clinics_ids_are_refused_on_every_review_page_and_export_and_reads_are_audited()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        Assert.Equal(HttpStatusCode.Created, (await setup.PostAsync(setup.Submission(painBefore: 2, painAfter: 9))).StatusCode);
        var flag = (await setup.FlagsAsync()).First();
        var (_, otherEmail) = await App.CreateClinicUserAsync();
        var other = await App.SignedInClientAsync(otherEmail);
        var id = setup.Patient.Id;

        string[] gets =
        [
            $"/review/patients/{id}", $"/api/review/patients/{id}/sessions.csv", $"/api/review/patients/{id}/adherence.csv",
            $"/api/review/patients/{id}/fhir",
        ];
        foreach (var path in gets)
        {
            Assert.True((await setup.Clinician.Http.GetAsync(path)).StatusCode == HttpStatusCode.OK, $"own clinic should open {path}");
            Assert.True((await other.GetAsync(path)).StatusCode == HttpStatusCode.NotFound, $"another clinic should get 404 for {path}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/review/flags/{flag.Id}/acknowledge", new FlagChange("mine now"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/review/flags/{flag.Id}/resolve", new FlagChange("mine now"))).StatusCode);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync("/api/review/clinic/sessions.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync("/api/review/patients"), StringComparison.Ordinal);
        Assert.DoesNotContain(flag.Id.ToString(), await other.GetStringAsync("/api/review/flags"), StringComparison.Ordinal);
        foreach (var page in new[] { "/review", "/review/flags", "/help/adherence" })
        {
            Assert.True((await setup.Clinician.Http.GetAsync(page)).StatusCode == HttpStatusCode.OK, $"clinician should open {page}");
        }

        Assert.Contains("review.read", await AuditAsync(id));
        Assert.Equal(FlagStatus.Open, (await setup.FlagsAsync()).Single(f => f.Id == flag.Id).Status);
    }

    [Fact]
    public async Task Creating_reading_and_changing_a_patient_and_their_program_is_in_the_audit_trail()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var http = setup.Clinician.Http;
        var id = setup.Patient.Id;

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/patients/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/patients/{id}")).StatusCode);
        // The program page reads the record too, and dates its versions in the patient's zone.
        var programPage = WebUtility.HtmlDecode(await http.GetStringAsync($"/programs/{setup.Program.Id}"));
        Assert.Matches($@"Version 1 · \d{{4}}-\d\d-\d\d \d\d:\d\d \({Regex.Escape(setup.Patient.TimeZone)}\)", programPage);
        Assert.True((await http.PostAsync($"/api/patients/{id}/invitations", null)).IsSuccessStatusCode);
        Assert.True((await http.PostAsync($"/api/programs/{setup.Program.Id}/pause", null)).IsSuccessStatusCode);

        var actions = await AuditAsync(id);
        foreach (var action in new[] { "patient.create", "program.assign", "patient.read", "patient.invite", "program.status" })
        {
            Assert.Contains(action, actions);
        }

        // Another clinic's staff reading the id gets nothing, and leaves no read of this patient.
        var (_, stranger) = await App.CreateClinicUserAsync();
        var other = await App.SignedInClientAsync(stranger);
        var before = (await AuditAsync(id)).Count(a => a == "patient.read");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/patients/{id}")).StatusCode);
        Assert.Equal(before, (await AuditAsync(id)).Count(a => a == "patient.read"));
    }

    [Fact]
    public async Task My_patients_counts_the_same_7_and_28_days_as_the_review_page()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var now = DateTimeOffset.UtcNow;
        // Once a day since two months ago. Completed sessions 28, 27 and 7 days ago: "28 days" is
        // today and the 27 days before it, "7 days" today and the 6 before, so 28 and 7 days ago
        // are each just outside.
        var clinicId = await LogHistoryAsync(setup, now, 60,
            [(28, SessionStatus.Completed, null, null, null), (27, SessionStatus.Completed, null, null, null), (7, SessionStatus.Completed, null, null, null)]);

        var (rows, _) = await App.InScopeAsync(sp => sp.GetRequiredService<ReviewService>().MyPatientsAsync(new MyPatientsQuery()), clinicId);
        var row = Assert.Single(rows);
        var figures = await App.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<ReviewService>();
            return (await service.PatientPageAsync(setup.Patient.Id))!;
        }, clinicId);

        // 7 days: six ended days prescribed (today has nothing logged yet), none logged inside.
        Assert.Equal(0, row.Adherence7);
        // 28 days: 27 ended days, the sessions of 27 and 7 days ago.
        Assert.Equal(27, figures.Report28!.Prescribed);
        Assert.Equal(100 * 2 / 27.0, figures.Report28.SessionAdherence!.Value, 9);
        Assert.Equal(figures.Report28.SessionAdherence!.Value, row.Adherence28!.Value, 9);
    }

    [Fact]
    public async Task The_review_page_counts_as_the_whole_history_does_and_shows_the_latest_notes_and_pain_of_any_age()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var now = DateTimeOffset.UtcNow;
        var today = PatientTime.Today(now, setup.Patient.TimeZone);
        // Once a day since 200 days ago. 150 and 100 days ago are before the heat map (12 weeks);
        // 77 days ago is always in it.
        var clinicId = await LogHistoryAsync(setup, now, 200,
        [
            (150, SessionStatus.Completed, 5, 3, "Old note, kept in view"),
            (100, SessionStatus.Skipped, null, null, null),
            (77, SessionStatus.Partial, 4, 4, null),
            (20, SessionStatus.Completed, 3, 2, "Easier this week"),
            (5, SessionStatus.Partial, null, null, null),
            (2, SessionStatus.Skipped, null, null, "No time"),
        ]);

        var (page, whole, row) = await App.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<ReviewService>();
            return ((await service.PatientPageAsync(setup.Patient.Id))!, (await service.PatientAsync(setup.Patient.Id, "export.fhir"))!,
                Assert.Single((await service.MyPatientsAsync(new MyPatientsQuery())).Rows));
        }, clinicId);

        // The page reads only the heat map's weeks; its figures are those of the whole history.
        var month = whole.History.Reports(today.AddDays(-27), today, now).Single().Report;
        Assert.Equal((month.Prescribed, month.Completed, month.Partial, month.Skipped, month.Missed), (page.Report28!.Prescribed, page.Report28.Completed, page.Report28.Partial, page.Report28.Skipped, page.Report28.Missed));
        Assert.Equal(month.SessionAdherence, page.Report28.SessionAdherence);
        Assert.Equal(month.DoseCompletion, page.Report28.DoseCompletion);
        var heat = whole.History.Reports(page.Days[0].Date, page.Days[^1].Date, now).Single().Report.Days;
        Assert.Equal(heat.Select(d => (d.Date, d.State)), page.Days.Select(d => (d.Date, d.State)));
        Assert.Contains(page.Days, d => d.Date == today.AddDays(-77) && d.State == DayState.Partial);

        // My patients reads only the partial sessions' entries; its figures are the same.
        Assert.Equal(month.SessionAdherence!.Value, row.Adherence28!.Value, 9);
        Assert.Equal(whole.History.Adherence(today.AddDays(-6), today, now)!.Value, row.Adherence7!.Value, 9);
        Assert.Equal(100 * 0.5 / 6, row.Adherence7!.Value, 9);

        // Pain oldest first and notes newest first, however old.
        Assert.Equal([(today.AddDays(-150), 5, 3), (today.AddDays(-77), 4, 4), (today.AddDays(-20), 3, 2)], page.Pain.Select(p => (p.Date, p.Before!.Value, p.After!.Value)));
        Assert.Equal(["No time", "Easier this week", "Old note, kept in view"], page.Notes.Select(n => n.Note));
        Assert.Equal(SessionStatus.Skipped, page.Notes[0].Status);
    }

    /// <summary>
    /// Makes the setup's plan once a day since <paramref name="startDaysAgo"/> days ago (made then:
    /// a version made today would rule from today) and stores the given sessions at noon of their
    /// day. A partial session does its first exercise and skips the rest; a skipped one skips all.
    /// </summary>
    private Task<Guid> LogHistoryAsync(
        LoggingSetup setup, DateTimeOffset now, int startDaysAgo,
        (int DaysAgo, SessionStatus Status, int? Before, int? After, string? Note)[] sessions) =>
        App.InScopeAsync(async sp =>
        {
            var today = PatientTime.Today(now, setup.Patient.TimeZone);
            var db = sp.GetRequiredService<AppDbContext>();
            var version = await db.ProgramVersions.IgnoreQueryFilters().SingleAsync(v => v.Id == setup.Current.Id);
            version.StartDate = today.AddDays(-startDaysAgo);
            version.CreatedAt = now.UtcDateTime.AddDays(-startDaysAgo - 1);
            version.Days = WeekDays.Every;
            version.TimesPerDay = 1;
            foreach (var (daysAgo, status, before, after, note) in sessions)
            {
                var date = today.AddDays(-daysAgo);
                db.SessionLogs.Add(new SessionLog
                {
                    ClinicId = version.ClinicId,
                    PatientId = setup.Patient.Id,
                    ProgramId = setup.Program.Id,
                    VersionId = version.Id,
                    LocalDate = date,
                    LoggedAt = date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                    Status = status,
                    PainBefore = before,
                    PainAfter = after,
                    Note = note,
                    IdempotencyKey = Guid.NewGuid().ToString("N"),
                    Entries = setup.Current.Exercises.Select((e, i) =>
                    {
                        var done = status == SessionStatus.Completed || (status == SessionStatus.Partial && i == 0);
                        return new SessionEntry
                        {
                            ClinicId = version.ClinicId,
                            PrescribedExerciseId = e.Id,
                            Outcome = done ? EntryOutcome.Done : EntryOutcome.Skipped,
                            SkipReason = done ? null : SkipReason.NoTime,
                        };
                    }).ToList(),
                });
            }

            await db.SaveChangesAsync();
            return version.ClinicId;
        });

    private Task<List<string>> AuditAsync(Guid patientId) =>
        App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEvents.IgnoreQueryFilters()
            .Where(a => a.PatientId == patientId && a.UserId != null).Select(a => a.Action).ToListAsync());
}

public sealed class ReviewTestsOnSqlite(SqliteApp app) : ReviewTests<SqliteApp>(app);

public sealed class ReviewTestsOnPostgres(PostgresApp app) : ReviewTests<PostgresApp>(app);
