using System.Globalization;
using Microsoft.Extensions.Options;

namespace Prescriber.Web.Features.Notifications;

/// <summary>Fails start-up naming the key to fix.</summary>
internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var errors = new List<string>();
        var section = ReminderOptions.SectionName;
        // Under a day: the scan only looks at the patient's today and yesterday.
        if (options.CatchUpHours is < 1 or > 23)
        {
            errors.Add($"{section}:CatchUpHours must be between 1 and 23 (was {options.CatchUpHours}).");
        }

        if (options.BatchSize is < 1 or > 5000)
        {
            errors.Add($"{section}:BatchSize must be between 1 and 5000 (was {options.BatchSize}).");
        }

        if (!TimeOnly.TryParseExact(options.DigestTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{section}:DigestTime must be a time like 07:00 (was '{options.DigestTime}').");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
