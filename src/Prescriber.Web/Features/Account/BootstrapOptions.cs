using System.ComponentModel.DataAnnotations;

namespace Prescriber.Web.Features.Account;

/// <summary>
/// The first administrator of a production installation, from configuration (environment or a
/// secret store, never a committed file). Without it a one-time setup link is printed instead.
/// </summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    [EmailAddress(ErrorMessage = "Bootstrap:AdminEmail must be an email address.")]
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
