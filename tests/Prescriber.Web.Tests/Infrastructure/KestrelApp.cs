namespace Prescriber.Web.Tests.Infrastructure;

/// <summary>The app on SQLite and a real Kestrel port, for a real browser.</summary>
public class KestrelApp : SqliteApp
{
    protected override bool OnRealPort => true;
}
