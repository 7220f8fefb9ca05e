namespace Prescriber.Web.Tests.Infrastructure;

/// <summary>
/// Base of test classes that run once per database provider. The constructor skips the
/// PostgreSQL run when no server is available (and fails it under tests/run.sh).
/// </summary>
public abstract class ProviderTests<TApp> : IClassFixture<TApp> where TApp : PrescriberApp
{
    protected ProviderTests(TApp app)
    {
        App = app;
        if (app is PostgresApp)
        {
            TestServices.Need(PostgresApp.Available, "PostgreSQL (PRESCRIBER_TEST_POSTGRES)");
        }
    }

    protected TApp App { get; }
}
