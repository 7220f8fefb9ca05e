using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Prescriber.Data.Postgres;

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a server (diffs need no connection).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseApplicationServiceProvider(DataExtensions.DesignTimeServices());
        DataExtensions.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=prescriber_design" }, Directory.GetCurrentDirectory());
        return new AppDbContext(options.Options);
    }
}
