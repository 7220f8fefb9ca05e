using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Prescriber.Data.Clinics;
using Prescriber.Data.Library;
using Prescriber.Data.Startup;

namespace Prescriber.Data;

public static class DataExtensions
{
    public const string SqliteMigrationsAssembly = "Prescriber.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "Prescriber.Data.Postgres";

    /// <summary>
    /// The database, chosen by Database:Provider; migrated and given the exercise library at start,
    /// before the server takes its first request.
    /// </summary>
    public static IHostApplicationBuilder AddPrescriberData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;

        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration[DatabaseOptions.ConnectionStringKey])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        services.AddOptions<LibraryOptions>()
            .BindConfiguration(LibraryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddScoped<ClinicScope>();
        // Pooled contexts with options built once: building the options and a context's internal
        // services for every unit of work cost about 0.4 ms of CPU, more than a query's round trip
        // (docs/performance.md, issue 6). The pool itself is reached only through the scoped
        // ClinicContextFactory, which gives each leased context the caller's ClinicScope. EF's
        // registration is kept for the options it builds (with the app's services, where Identity
        // reads its schema version, and any ConfigureDbContext, which the benchmarks use); the
        // pool and factory it registers beside them are replaced or never resolved.
        services.AddPooledDbContextFactory<AppDbContext>((sp, options) =>
            Configure(options, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, contentRoot));
        services.AddSingleton(sp => new ClinicContextPool(sp.GetRequiredService<DbContextOptions<AppDbContext>>()));
        services.Replace(ServiceDescriptor.Scoped<IDbContextFactory<AppDbContext>, ClinicContextFactory>());
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());

        services.AddScoped<LibraryImporter>();
        services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    /// <summary>Shared by the app and the design-time factories so both build the same model.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseOptions database, string contentRoot)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            return options.UseNpgsql(database.ConnectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
        }

        return options.UseSqlite(SqliteConnectionString(database, contentRoot), sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
    }

    /// <summary>
    /// The Identity schema version the model is built with. The design-time factories have no app
    /// services, so without this their migrations would miss the passkeys table.
    /// </summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    /// <summary>For the design-time factories: an app service provider that carries <see cref="IdentitySchema"/>.</summary>
    public static IServiceProvider DesignTimeServices() =>
        new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchema)
            .BuildServiceProvider();

    private static string SqliteConnectionString(DatabaseOptions database, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return database.ConnectionString;
        }

        var folder = Path.GetFullPath(database.DataFolder, contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "prescriber.db")}";
    }
}
