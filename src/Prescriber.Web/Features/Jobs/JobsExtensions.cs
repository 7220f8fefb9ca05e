using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Prescriber.Data;

namespace Prescriber.Web.Features.Jobs;

public static class JobsExtensions
{
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// Hangfire on the app's own database when that is PostgreSQL (so several servers share the
    /// work), in memory with SQLite. Jobs keep no state of their own worth losing: the outbox and
    /// schedules live in the app database, so in-memory storage loses nothing on restart.
    /// </summary>
    public static WebApplicationBuilder AddPrescriberJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateOnStart();

        // Our own registration (Hangfire only adds a JobStorage when none is there), so each host
        // (tests start several in one process) gets its own storage rather than a static one.
        services.AddSingleton<JobStorage>(sp => CreateStorage(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        // Read here, not from options: whether a server exists is decided while services are added.
        if (builder.Configuration.GetValue($"{JobsOptions.SectionName}:{nameof(JobsOptions.Enabled)}", true))
        {
            services.AddHangfireServer();
            services.AddHostedService<RecurringJobsRegistration>();
        }

        return builder;
    }

    public static WebApplication UsePrescriberJobs(this WebApplication app)
    {
        // The dashboard answers 401/403 itself; the friendly status-code pages would turn them
        // into the 404 page.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(DashboardPath) && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return next(context);
        });
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorizationFilter()],
            DashboardTitle = "Prescriber jobs",
            AppPath = "/admin/outbox",
        });
        return app;
    }

    private static JobStorage CreateStorage(DatabaseOptions database)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return new InMemoryStorage();
        }

        // Its own schema ("hangfire") in the app's database, created on first use.
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString ?? "", options), options);
    }
}
