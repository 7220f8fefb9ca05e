using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescriber.Core.Clinics;
using Prescriber.Data;
using Prescriber.Data.Clinics;
using Prescriber.Data.Identity;

namespace Prescriber.Web.Tests.Infrastructure;

/// <summary>
/// The real app, hosted in the test process on a database of its own. One instance per test
/// class; tests keep apart by making their own clinics rather than by resetting the database.
/// </summary>
public abstract class PrescriberApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Correct-horse-42";

    public CapturedLogs Logs { get; } = new();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Settings on top of the provider's; a subclass adds its own.</summary>
    protected virtual Dictionary<string, string?> Settings { get; } = [];

    protected virtual string EnvironmentName => "Testing";

    protected virtual string RateLimit => "1000000";

    /// <summary>
    /// On a real Kestrel port, for a real browser, instead of the in-process test server. The port
    /// is chosen before start so links in emails can name it.
    /// </summary>
    protected virtual bool OnRealPort => false;

    private readonly Lazy<int> _port = new(FreePort);

    /// <summary>Where links in emails point; the in-process test server answers at http://localhost.</summary>
    protected virtual string PublicBaseUrl => OnRealPort ? $"http://127.0.0.1:{_port.Value}/" : "http://localhost/";

    /// <summary>The address a browser opens (only on a real port).</summary>
    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Creates the database the app will open; called before the host starts.</summary>
    protected abstract ValueTask<string> CreateDatabaseAsync();

    protected virtual ValueTask DropDatabaseAsync() => ValueTask.CompletedTask;

    private string? _connectionString;

    public virtual async ValueTask InitializeAsync()
    {
        _connectionString = await CreateDatabaseAsync();
        if (OnRealPort)
        {
            UseKestrel(_port.Value);
            StartServer();
        }
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // UseSetting, not ConfigureAppConfiguration: Program reads some settings before Build().
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Prescriber", _connectionString);
        // No Hangfire server behind the tests' backs: tests call jobs directly (a subclass that
        // tests Hangfire itself turns it back on).
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        // Tests knock on the patient doors far faster than a person; the limit itself has its own test.
        builder.UseSetting("RateLimits:PatientRequestsPerMinute", RateLimit);
        builder.UseSetting("RateLimits:SignInAttemptsPerMinute", RateLimit);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (OnRealPort)
        {
            // Outside Development, static files (CSS, scripts) are only served from the build
            // output when asked: a browser must get the real page, styles and scripts included.
            Microsoft.AspNetCore.Hosting.WebHostBuilderExtensions.UseStaticWebAssets(builder);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs work in a fresh DI scope, optionally as one clinic (as a request of that clinic would).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work, Guid? clinicId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClinicScope>().Enter(clinicId);
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work, Guid? clinicId = null) =>
        InScopeAsync(async sp => { await work(sp); return true; }, clinicId);

    /// <summary>A new clinic with one user in the given role; returns the clinic id and the user's email.</summary>
    public async Task<(Guid ClinicId, string Email)> CreateClinicUserAsync(string role = Roles.Clinician, Guid? clinicId = null)
    {
        return await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            if (clinicId is null)
            {
                var clinic = new Clinic { Name = $"Clinic {Guid.NewGuid():N}", CreatedAt = DateTime.UtcNow };
                db.Clinics.Add(clinic);
                await db.SaveChangesAsync();
                clinicId = clinic.Id;
            }

            var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}", ClinicId = role == Roles.Admin ? null : clinicId };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            return (clinicId.Value, email);
        });
    }

    /// <summary>An HTTP client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await SignIn.PostAsync(client, email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<string> ProviderNameAsync() =>
        await InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Database.ProviderName ?? ""));
}
