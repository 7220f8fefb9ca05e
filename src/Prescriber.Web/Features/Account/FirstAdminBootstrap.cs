using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Prescriber.Web.Features.Account;

/// <summary>
/// There is no default password: the first admin comes from Bootstrap:AdminEmail/AdminPassword,
/// or, when those are absent, from a one-time link printed to the log once the server listens.
/// </summary>
internal sealed class FirstAdminBootstrap(IServiceProvider services, IOptions<BootstrapOptions> options, IServer server, ILogger<FirstAdminBootstrap> log)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<FirstAdminSetup>();
        await setup.EnsureRolesAsync();
        if (await setup.AdminExistsAsync() || options.Value is not { AdminEmail: { Length: > 0 } email, AdminPassword: { Length: > 0 } password })
        {
            return;
        }

        var errors = await setup.CreateAdminAsync(email, "Administrator", password);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Bootstrap:AdminPassword was refused: {string.Join(" ", errors)}");
        }

        log.LogInformation("Created the first administrator {Email} from configuration", email);
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<FirstAdminSetup>();
        if (await setup.AdminExistsAsync())
        {
            return;
        }

        var token = await setup.IssueTokenAsync();
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.Replace("0.0.0.0", "localhost").Replace("[::]", "localhost") ?? "";
        log.LogWarning("No administrator exists yet. Open {Link} within {Hours} hours to create one (the link works once).",
            $"{address}/setup/{token}", (int)FirstAdminSetup.LinkLifetime.TotalHours);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
