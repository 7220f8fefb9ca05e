namespace Prescriber.Data;

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, no other service.</summary>
    Sqlite,

    /// <summary>For production and for several app nodes sharing one database.</summary>
    Postgres,
}
