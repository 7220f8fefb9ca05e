namespace Prescriber.Web.Tests.Infrastructure;

/// <summary>
/// The services tests/run.sh starts. Run alone (plain `dotnet test`), a missing service skips its
/// tests with a reason; under the script (PRESCRIBER_REQUIRE_SERVICES=1) it fails them.
/// </summary>
public static class TestServices
{
    public static string? Postgres => Environment.GetEnvironmentVariable("PRESCRIBER_TEST_POSTGRES");

    public static string Chromium => Environment.GetEnvironmentVariable("PRESCRIBER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string? SmtpHost => Environment.GetEnvironmentVariable("PRESCRIBER_TEST_SMTP_HOST");

    public static int SmtpPort => int.TryParse(Environment.GetEnvironmentVariable("PRESCRIBER_TEST_SMTP_PORT"), out var port) ? port : 0;

    /// <summary>The SMTP server's maildir: every message it accepts becomes a file in new/.</summary>
    public static string? Maildir => Environment.GetEnvironmentVariable("PRESCRIBER_TEST_MAILDIR");

    public static bool SmtpAvailable => !string.IsNullOrEmpty(SmtpHost) && SmtpPort > 0 && !string.IsNullOrEmpty(Maildir);

    /// <summary>axe-core's script, which tests/run.sh installs from npm.</summary>
    public static string? Axe => Environment.GetEnvironmentVariable("PRESCRIBER_AXE");

    public static bool Required => Environment.GetEnvironmentVariable("PRESCRIBER_REQUIRE_SERVICES") == "1";

    public static void Need(bool available, string what)
    {
        if (available)
        {
            return;
        }

        if (Required)
        {
            Assert.Fail($"{what} is required by tests/run.sh but was not found.");
        }

        Assert.Skip($"{what} is not available; run tests/run.sh to start it.");
    }
}
