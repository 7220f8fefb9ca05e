using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Prescriber.Data;
using Prescriber.Web.Tests.Infrastructure;

namespace Prescriber.Web.Tests.Startup;

/// <summary>
/// The app builds its context options itself (for its pool): they must give the model the
/// migrations were made from, Identity's passkeys included (its schema version comes from the
/// app's services).
/// </summary>
public abstract class ModelTests<TApp>(TApp app) : ProviderTests<TApp>(app) where TApp : PrescriberApp
{
    [Fact]
    public Task The_apps_model_is_the_one_its_migrations_were_made_from() =>
        App.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            Assert.NotNull(db.Model.FindEntityType(typeof(IdentityUserPasskey<string>)));
            Assert.False(db.Database.HasPendingModelChanges(), "the app's model differs from its migrations' snapshot");
            return Task.CompletedTask;
        });
}

public sealed class ModelTestsOnSqlite(SqliteApp app) : ModelTests<SqliteApp>(app);

public sealed class ModelTestsOnPostgres(PostgresApp app) : ModelTests<PostgresApp>(app);
