using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Prescriber.Data.Sqlite;

/// <summary>Lets `dotnet ef` build the SQLite model; the file it names is never opened for a diff.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseApplicationServiceProvider(DataExtensions.DesignTimeServices());
        DataExtensions.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" }, Directory.GetCurrentDirectory());
        return new AppDbContext(options.Options);
    }
}
