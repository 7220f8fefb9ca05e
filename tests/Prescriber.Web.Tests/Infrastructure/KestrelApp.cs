using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Prescriber.Web.Tests.Infrastructure;

/// <summary>The app on a real Kestrel port, for a real browser. The port is chosen before start so links in emails can name it.</summary>
public class KestrelApp : SqliteApp
{
    private readonly int _port = FreePort();

    protected override string PublicBaseUrl => $"http://127.0.0.1:{_port}/";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(_port);
        StartServer();
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development, static files (CSS, scripts) are only served from the build output
        // when asked: a browser must get the real page, styles and scripts included.
        Microsoft.AspNetCore.Hosting.WebHostBuilderExtensions.UseStaticWebAssets(builder);
    }

    public string BaseUrl => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
