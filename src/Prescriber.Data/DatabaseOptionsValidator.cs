using Microsoft.Extensions.Options;

namespace Prescriber.Data;

/// <summary>Fails start-up with the name of the key to fix, not with a driver error later on.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.SectionName}:Provider must be Sqlite or Postgres.");
        }

        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{DatabaseOptions.ConnectionStringKey} is required when {DatabaseOptions.SectionName}:Provider is Postgres.");
        }

        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString)
            && string.IsNullOrWhiteSpace(options.DataFolder))
        {
            return ValidateOptionsResult.Fail($"{DatabaseOptions.SectionName}:DataFolder must name a folder for the SQLite file.");
        }

        return ValidateOptionsResult.Success;
    }
}
