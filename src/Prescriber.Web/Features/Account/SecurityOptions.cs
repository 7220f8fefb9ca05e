using System.ComponentModel.DataAnnotations;

namespace Prescriber.Web.Features.Account;

public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Clinicians and admins are signed out after this long without activity in the page.</summary>
    [Range(0.01, 24 * 60, ErrorMessage = "Security:IdleSignOutMinutes must be between 0.01 and 1440.")]
    public double IdleSignOutMinutes { get; set; } = 30;
}
