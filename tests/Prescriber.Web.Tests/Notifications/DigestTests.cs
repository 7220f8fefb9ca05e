using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Web.Features.Notifications;
using Prescriber.Web.Features.Review;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>The clinician's daily digest, from the session logs, on a clock the test sets.</summary>
public abstract class DigestTests<TApp>(TApp app) : MailTests<TApp>(app) where TApp : PrescriberApp, IClockApp
{
    [Fact]
    public async Task A_silent_patient_is_listed_once_a_day_from_seven_in_the_clinics_zone()
    {
        var (clinicId, clinician) = await App.CreateClinicUserAsync();
        await ReminderSeed.ProgramAsync(App, $"{Token()}@example.org", "UTC", [new TimeOnly(7, 30)], new DateOnly(2026, 11, 18), clinicId: clinicId);

        SetClock("2026-11-25T06:59:00Z");
        await RunAsync();
        await DispatchAsync();
        Assert.Empty(Mailbox.To(clinician));

        SetClock("2026-11-25T07:05:00Z");
        await RunAsync();
        SetClock("2026-11-25T09:05:00Z");
        await RunAsync();
        await DispatchAsync();

        var digest = Assert.Single(Mailbox.To(clinician));
        Assert.Equal("1 patient to look at today", digest.Subject);
        Assert.Contains("Rem Patient", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("No session for 7 days", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Low adherence: 0% over the last 7 days", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Has not signed in yet", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Rem Patient", digest.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_patient_who_paused_their_reminders_is_listed_with_the_pause()
    {
        var (clinicId, clinician) = await App.CreateClinicUserAsync();
        var seeded = await ReminderSeed.ProgramAsync(App, $"{Token()}@example.org", "UTC", [new TimeOnly(7, 30)], new DateOnly(2026, 11, 18), clinicId: clinicId);
        await App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.AppDbContext>();
            await db.Patients.IgnoreQueryFilters().Where(p => p.Id == seeded.PatientId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.RemindersPausedUntil, new DateOnly(2026, 11, 29)));
        });

        SetClock("2026-11-25T08:00:00Z");
        await RunAsync();
        await DispatchAsync();

        var digest = Assert.Single(Mailbox.To(clinician));
        Assert.Contains("No session for 7 days", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reminder emails: Paused by the patient until Sun 29 Nov 2026 inclusive.", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flag_on_a_plan_that_starts_today_is_listed_under_that_plan()
    {
        var (clinicId, clinician) = await App.CreateClinicUserAsync();
        var seeded = await ReminderSeed.ProgramAsync(App, $"{Token()}@example.org", "Europe/London", [new TimeOnly(7, 30)], new DateOnly(2026, 11, 26), clinicId: clinicId);
        await OpenFlagAsync(clinicId, seeded.PatientId, Core.Flags.FlagKind.RedFlagWords, "Session of 2026-11-26: the note mentions chest pain.", new DateTime(2026, 11, 26, 7, 0, 0, DateTimeKind.Utc));

        SetClock("2026-11-26T08:00:00Z");
        await RunAsync();
        await DispatchAsync();

        var digest = Assert.Single(Mailbox.To(clinician));
        Assert.Contains("Open flag (urgent)", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("no active program", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("No session for", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_digest_is_sent_when_there_is_nothing_to_report()
    {
        var (clinicId, clinician) = await App.CreateClinicUserAsync();
        var seeded = await ReminderSeed.ProgramAsync(App, $"{Token()}@example.org", "UTC", [new TimeOnly(7, 30)], new DateOnly(2026, 11, 10), clinicId: clinicId, userId: Guid.NewGuid().ToString());
        for (var day = new DateOnly(2026, 11, 10); day < new DateOnly(2026, 11, 26); day = day.AddDays(1))
        {
            await ReminderSeed.LogSessionAsync(App, seeded, day);
        }

        SetClock("2026-11-26T08:00:00Z");
        await RunAsync();
        await DispatchAsync();

        Assert.Empty(Mailbox.To(clinician));
    }

    [Fact]
    public async Task Open_flags_lead_the_digest_and_leave_it_once_resolved()
    {
        var (clinicId, clinician) = await App.CreateClinicUserAsync();
        var seeded = await ReminderSeed.ProgramAsync(App, $"{Token()}@example.org", "UTC", [new TimeOnly(7, 30)], new DateOnly(2026, 11, 10), clinicId: clinicId, userId: Guid.NewGuid().ToString());
        for (var day = new DateOnly(2026, 11, 10); day < new DateOnly(2026, 11, 26); day = day.AddDays(1))
        {
            await ReminderSeed.LogSessionAsync(App, seeded, day);
        }

        await OpenFlagAsync(clinicId, seeded.PatientId, Core.Flags.FlagKind.RedFlagAnswer, "Answered yes to: 5. new numbness", new DateTime(2026, 11, 25, 18, 0, 0, DateTimeKind.Utc));

        SetClock("2026-11-26T08:00:00Z");
        await RunAsync();
        await DispatchAsync();

        var digest = Assert.Single(Mailbox.To(clinician));
        Assert.Contains("Open flag (urgent): Answered yes to: 5. new numbness", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/review/patients/{seeded.PatientId}", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_shows_the_same_adherence_as_my_patients()
    {
        var (clinicId, clinician) = await App.CreateClinicUserAsync();
        var seeded = await ReminderSeed.ProgramAsync(App, $"{Token()}@example.org", "UTC", [new TimeOnly(7, 30)], new DateOnly(2026, 11, 10), clinicId: clinicId, userId: Guid.NewGuid().ToString());
        await ReminderSeed.LogSessionAsync(App, seeded, new DateOnly(2026, 11, 21));
        await ReminderSeed.LogSessionAsync(App, seeded, new DateOnly(2026, 11, 23));

        SetClock("2026-11-26T08:00:00Z");
        var (rows, _) = await App.InScopeAsync(sp => sp.GetRequiredService<ReviewService>().MyPatientsAsync(new MyPatientsQuery()), clinicId);
        var shown = Assert.Single(rows, r => r.PatientId == seeded.PatientId).Adherence7;
        Assert.InRange(shown!.Value, 1, 49.9);
        await RunAsync();
        await DispatchAsync();

        var digest = Assert.Single(Mailbox.To(clinician));
        Assert.Contains($"Low adherence: {shown.Value.ToString("0", CultureInfo.InvariantCulture)}% over the last 7 days", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("/help/adherence", digest.TextBody, StringComparison.Ordinal);
    }

    private void SetClock(string utc) => App.Clock.AdjustTime(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));

    private Task<int> RunAsync() =>
        App.InScopeAsync(sp => sp.GetRequiredService<ClinicianDigestJob>().RunAsync(TestContext.Current.CancellationToken));

    /// <summary>An urgent flag, open, stored as the screening or the rules would have stored it.</summary>
    private Task OpenFlagAsync(Guid clinicId, Guid patientId, Core.Flags.FlagKind kind, string summary, DateTime createdAt) =>
        App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.AppDbContext>();
            db.Flags.Add(new Core.Flags.Flag
            {
                ClinicId = clinicId,
                PatientId = patientId,
                Kind = kind,
                Severity = Core.Safety.ScreeningTier.Urgent,
                Summary = summary,
                CreatedAt = createdAt,
            });
            await db.SaveChangesAsync();
        });
}

public sealed class DigestTestsOnSqlite(SqliteClockApp app) : DigestTests<SqliteClockApp>(app);

public sealed class DigestTestsOnPostgres(PostgresClockApp app) : DigestTests<PostgresClockApp>(app);
