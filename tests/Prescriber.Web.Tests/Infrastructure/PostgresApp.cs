using Npgsql;
using Prescriber.Data;

namespace Prescriber.Web.Tests.Infrastructure;

/// <summary>A fresh PostgreSQL database per test class, on the server tests/run.sh starts.</summary>
public class PostgresApp : PrescriberApp
{
    private readonly string _database = $"prescriber_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public static bool Available => !string.IsNullOrEmpty(TestServices.Postgres);

    protected override async ValueTask<string> CreateDatabaseAsync()
    {
        if (!Available)
        {
            // Tests of this fixture skip (or fail under tests/run.sh) through TestServices.Need.
            return "";
        }

        await using var admin = new NpgsqlConnection(TestServices.Postgres);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(TestServices.Postgres) { Database = _database }.ConnectionString;
    }

    protected override async ValueTask DropDatabaseAsync()
    {
        if (!Available)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestServices.Postgres);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
