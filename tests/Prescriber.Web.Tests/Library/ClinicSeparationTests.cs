using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Core.Library;
using Prescriber.Data;
using Prescriber.Data.Clinics;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Library;

public abstract class ClinicSeparationTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task Another_clinics_custom_exercise_is_refused_by_id_on_every_door()
    {
        var (_, emailA) = await App.CreateClinicUserAsync();
        var (_, emailB) = await App.CreateClinicUserAsync();
        var clinicA = await App.SignedInClientAsync(emailA);
        var clinicB = await App.SignedInClientAsync(emailB);
        var exercise = await CustomExercises.CreateAsync(clinicA, "Clinic A secret stretch");

        Assert.Equal(HttpStatusCode.OK, (await clinicA.GetAsync($"/api/library/exercises/{exercise.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinicB.GetAsync($"/api/library/exercises/{exercise.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinicB.PutAsJsonAsync($"/api/library/exercises/{exercise.Id}", CustomExercises.Draft("Hijacked"), CustomExercises.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinicB.PostAsync($"/api/library/exercises/{exercise.Id}/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinicB.PostAsync($"/api/library/exercises/{exercise.Id}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinicB.GetAsync($"/library/{exercise.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinicB.GetAsync($"/library/{exercise.Id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clinicA.GetAsync($"/library/{exercise.Id}")).StatusCode);

        var listB = await clinicB.GetFromJsonAsync<List<Exercise>>("/api/library/exercises?includeRetired=true", CustomExercises.Json);
        Assert.DoesNotContain(listB!, e => e.Id == exercise.Id);
        Assert.Equal(7, listB!.Count);

        var stored = await App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Exercises.IgnoreQueryFilters().SingleAsync(e => e.Id == exercise.Id));
        Assert.Equal("Clinic A secret stretch", stored.Name);
        Assert.Equal(ExerciseStatus.Active, stored.Status);
    }

    [Fact]
    public async Task The_database_hides_and_refuses_another_clinics_rows()
    {
        var (clinicA, emailA) = await App.CreateClinicUserAsync();
        var (clinicB, _) = await App.CreateClinicUserAsync();
        var exercise = await CustomExercises.CreateAsync(await App.SignedInClientAsync(emailA));

        var seenByB = await App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Exercises.AnyAsync(e => e.Id == exercise.Id), clinicB);
        var seenByA = await App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Exercises.AnyAsync(e => e.Id == exercise.Id), clinicA);
        var seenWithoutClinic = await App.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Exercises.AnyAsync(e => e.Id == exercise.Id));
        Assert.False(seenByB);
        Assert.True(seenByA);
        Assert.False(seenWithoutClinic);

        await Assert.ThrowsAsync<ClinicAccessViolationException>(() => App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var row = await db.Exercises.IgnoreQueryFilters().SingleAsync(e => e.Id == exercise.Id);
            row.Name = "Written by clinic B";
            await db.SaveChangesAsync();
        }, clinicB));
    }

    [Fact]
    public async Task A_pooled_context_never_keeps_the_clinic_of_its_last_lease()
    {
        var (clinicA, emailA) = await App.CreateClinicUserAsync();
        var exercise = await CustomExercises.CreateAsync(await App.SignedInClientAsync(emailA));
        var leasedByA = await App.InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            Assert.True(await db.Exercises.AnyAsync(e => e.Id == exercise.Id));
            return db.ContextId.InstanceId;
        }, clinicA);

        // Contexts are pooled: lease until clinic A's instance comes round again, in a unit of
        // work without a clinic. Every lease, that one included, must see no clinic's rows.
        var reused = false;
        for (var i = 0; i < 500 && !reused; i++)
        {
            await App.InScopeAsync(async sp =>
            {
                await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
                reused = db.ContextId.InstanceId == leasedByA;
                Assert.Null(db.CurrentClinicId);
                Assert.False(await db.Exercises.AnyAsync(e => e.Id == exercise.Id));
            });
        }

        Assert.True(reused, "the pool never handed clinic A's context out again");
    }
}

public sealed class ClinicSeparationTestsOnSqlite(SqliteApp app) : ClinicSeparationTests<SqliteApp>(app);

public sealed class ClinicSeparationTestsOnPostgres(PostgresApp app) : ClinicSeparationTests<PostgresApp>(app);
