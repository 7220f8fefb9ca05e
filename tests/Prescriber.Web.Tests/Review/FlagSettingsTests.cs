using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Prescriber.Core.Flags;
using Prescriber.Web.Tests.Infrastructure;
using Prescriber.Web.Tests.Sessions;

namespace Prescriber.Web.Tests.Review;

public abstract class FlagSettingsTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public async Task A_clinic_lowers_its_critical_pain_threshold_and_the_next_log_is_judged_by_it()
    {
        var setup = await LoggingSetup.CreateAsync(App);
        var clinician = setup.Clinician.Http;

        var defaults = await clinician.GetFromJsonAsync<FlagSettings>("/api/review/flag-settings");
        Assert.Equal(7, defaults!.CriticalPain);
        Assert.Equal(HttpStatusCode.OK, (await clinician.GetAsync("/review/settings")).StatusCode);

        var invalid = await clinician.PutAsJsonAsync("/api/review/flag-settings", defaults with { CriticalPain = 11 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("criticalPain", (await invalid.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);

        await setup.PostAsync(setup.Submission(painBefore: 5, painAfter: 6));
        Assert.DoesNotContain(await setup.FlagsAsync(), f => f.Kind == FlagKind.PainHigh);

        Assert.Equal(HttpStatusCode.OK, (await clinician.PutAsJsonAsync("/api/review/flag-settings", defaults with { CriticalPain = 6 })).StatusCode);
        await setup.PostAsync(setup.Submission(painBefore: 5, painAfter: 6));

        Assert.Contains(await setup.FlagsAsync(), f => f.Kind == FlagKind.PainHigh);
        var other = await LoggingSetup.CreateAsync(App);
        Assert.Equal(7, (await other.Clinician.Http.GetFromJsonAsync<FlagSettings>("/api/review/flag-settings"))!.CriticalPain);
    }
}

public sealed class FlagSettingsTestsOnSqlite(SqliteApp app) : FlagSettingsTests<SqliteApp>(app);

public sealed class FlagSettingsTestsOnPostgres(PostgresApp app) : FlagSettingsTests<PostgresApp>(app);
