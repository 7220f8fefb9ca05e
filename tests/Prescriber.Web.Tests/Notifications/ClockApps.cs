using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>
/// Mail apps whose clock the test sets (AdjustTime: tests of one class may go back in time). Every TimeProvider consumer (the reminder and digest
/// jobs, patient links, the dispatcher) reads <see cref="IClockApp.Clock"/>.
/// </summary>
public interface IClockApp
{
    FakeTimeProvider Clock { get; }
}

public sealed class SqliteClockApp : SqliteApp, IClockApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    // Small batches, so the reminder scan's keyset paging runs in every test.
    protected override Dictionary<string, string?> Settings { get; } = new(MailSettings.Smtp()) { ["Reminders:BatchSize"] = "5" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class PostgresClockApp : PostgresApp, IClockApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    // Small batches, so the reminder scan's keyset paging runs in every test.
    protected override Dictionary<string, string?> Settings { get; } = new(MailSettings.Smtp()) { ["Reminders:BatchSize"] = "5" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
