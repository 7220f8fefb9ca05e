using System.Text.Json.Nodes;
using Prescriber.Data;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Startup;

/// <summary>Bad configuration stops the app at start with the name of what to fix.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task Postgres_without_a_connection_string_fails_naming_the_key()
    {
        var error = await StartFailureAsync(new ConfiguredApp(DatabaseProvider.Postgres, []));

        Assert.Contains("ConnectionStrings:Prescriber is required when Database:Provider is Postgres", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_fails_naming_the_key()
    {
        var error = await StartFailureAsync(new ConfiguredApp(DatabaseProvider.Sqlite, new() { ["Database:Provider"] = "Oracle" }));

        Assert.Contains("Database:Provider", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_email_without_a_password_fails_naming_both_keys()
    {
        var error = await StartFailureAsync(new ConfiguredApp(DatabaseProvider.Sqlite, new() { ["Bootstrap:AdminEmail"] = "boss@clinic.test" }));

        Assert.Contains("Bootstrap:AdminEmail and Bootstrap:AdminPassword must be given together", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_seed_file_stops_start_naming_file_entry_and_field()
    {
        var folder = Directory.CreateTempSubdirectory("seeds-").FullName;
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "upper-back.json")))!;
            json["exercises"]![2]!["dosage"]!["reps"] = 500;
            File.WriteAllText(Path.Combine(folder, "upper-back.json"), json.ToJsonString());

            var error = await StartFailureAsync(new ConfiguredApp(DatabaseProvider.Sqlite, new() { ["Library:SeedFolder"] = folder }));

            Assert.Contains("upper-back.json: exercise #3 'prone-t-raise': field 'dosage.reps': must be between 1 and 100 (was 500)", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Smtp:FromAddress", "not-an-address", "Smtp:FromAddress must be an email address")]
    [InlineData("Smtp:Port", "70000", "Smtp:Port must be between 1 and 65535")]
    [InlineData("Smtp:UserName", "mailer", "Smtp:UserName and Smtp:Password must be given together")]
    [InlineData("Smtp:Security", "Sometimes", "Smtp:Security")]
    public async Task Bad_smtp_settings_fail_naming_the_key(string key, string value, string expected)
    {
        var error = await StartFailureAsync(new ConfiguredApp(DatabaseProvider.Sqlite, new() { ["Smtp:Host"] = "smtp.clinic.test", [key] = value }));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_admin_can_come_from_configuration()
    {
        await using var app = new ConfiguredApp(DatabaseProvider.Sqlite, new()
        {
            ["Bootstrap:AdminEmail"] = "boss@clinic.test",
            ["Bootstrap:AdminPassword"] = "A-strong-password-7",
        });
        await app.InitializeAsync();

        var admin = await app.SignedInClientAsync("boss@clinic.test", "A-strong-password-7");

        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync("/api/library/exercises")).StatusCode);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("No administrator exists yet", StringComparison.Ordinal));
    }

    private static async Task<string> StartFailureAsync(ConfiguredApp app)
    {
        await using (app)
        {
            await app.InitializeAsync();
            var error = Assert.ThrowsAny<Exception>(() => app.Services);
            return error.ToString();
        }
    }

    private sealed class ConfiguredApp(DatabaseProvider provider, Dictionary<string, string?> settings) : SqliteApp
    {
        public override DatabaseProvider Provider => provider;

        protected override Dictionary<string, string?> Settings => settings;

        protected override ValueTask<string> CreateDatabaseAsync() =>
            provider == DatabaseProvider.Postgres ? ValueTask.FromResult("") : base.CreateDatabaseAsync();
    }
}
