using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Prescriber.Web.Features.Notifications;

/// <summary>Fails start-up naming the key to fix, instead of failing every email later.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    private static readonly EmailAddressAttribute Email = new();

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var errors = new List<string>();
        var section = SmtpOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.FromAddress) || !Email.IsValid(options.FromAddress))
        {
            errors.Add($"{section}:FromAddress must be an email address (was '{options.FromAddress}').");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{section}:Port must be between 1 and 65535 (was {options.Port}).");
        }

        if (!Enum.IsDefined(options.Security))
        {
            errors.Add($"{section}:Security must be None, StartTls, SslOnConnect or Auto.");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            errors.Add($"{section}:UserName and {section}:Password must be given together.");
        }

        if (options.TimeoutSeconds < 1)
        {
            errors.Add($"{section}:TimeoutSeconds must be at least 1.");
        }

        if (options.Connections is < 1 or > 16)
        {
            errors.Add($"{section}:Connections must be between 1 and 16 (was {options.Connections}).");
        }

        if (options.UsesPickupFolder && string.IsNullOrWhiteSpace(options.PickupFolder))
        {
            errors.Add($"{section}:PickupFolder must name a folder when {section}:Host is empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
