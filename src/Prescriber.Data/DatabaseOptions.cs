namespace Prescriber.Data;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The configuration key of the connection string.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:Prescriber";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the SQLite file lives when no connection string is given; relative to the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Filled from <see cref="ConnectionStringKey"/>; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }
}
