using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>
/// Settings of the apps under the email tests: the real SMTP server of tests/run.sh. Like every
/// test app they run no Hangfire server (jobs run when a test calls them), except the Jobs apps.
/// </summary>
public static class MailSettings
{
    public static Dictionary<string, string?> Smtp() => new()
    {
        ["Smtp:Host"] = TestServices.SmtpHost ?? "127.0.0.1",
        ["Smtp:Port"] = (TestServices.SmtpPort > 0 ? TestServices.SmtpPort : 25).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:FromAddress"] = "clinic@prescriber.test",
        ["Smtp:FromName"] = "Prescriber Tests",
    };
}

public sealed class SqliteMailApp : SqliteApp
{
    protected override Dictionary<string, string?> Settings { get; } = MailSettings.Smtp();
}

public sealed class PostgresMailApp : PostgresApp
{
    protected override Dictionary<string, string?> Settings { get; } = MailSettings.Smtp();
}

public sealed class SqliteJobsApp : SqliteApp
{
    protected override Dictionary<string, string?> Settings { get; } = new(MailSettings.Smtp()) { ["Jobs:Enabled"] = "true" };
}

public sealed class PostgresJobsApp : PostgresApp
{
    protected override Dictionary<string, string?> Settings { get; } = new(MailSettings.Smtp()) { ["Jobs:Enabled"] = "true" };
}
