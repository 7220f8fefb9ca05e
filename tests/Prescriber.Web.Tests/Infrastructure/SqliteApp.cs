using Prescriber.Data;

namespace Prescriber.Web.Tests.Infrastructure;

/// <summary>The embedded default: a fresh SQLite file in a temp folder per test class.</summary>
public class SqliteApp : PrescriberApp
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prescriber-test-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override ValueTask<string> CreateDatabaseAsync() =>
        ValueTask.FromResult($"Data Source={Path.Combine(_folder, "test.db")};Pooling=False");

    protected override ValueTask DropDatabaseAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
