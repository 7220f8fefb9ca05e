using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prescriber.Data.Library;

namespace Prescriber.Data.Startup;

/// <summary>
/// Migrates the database and imports the library in StartingAsync, which the host runs before any
/// service (the web server included) starts: no request ever meets an old schema, and a failed
/// migration or a broken library file stops the app instead of leaving it half up.
/// </summary>
internal sealed class DatabaseMigrator(IServiceProvider services, ILogger<DatabaseMigrator> log) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        log.LogInformation("Migrating the {Provider} database", db.Database.ProviderName);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers go on while a job or a request writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<LibraryImporter>().ImportAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
