namespace Prescriber.Web.Features.Jobs;

public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>
    /// Runs the Hangfire server and registers the recurring jobs. Tests turn it off and call the
    /// jobs directly, so nothing runs behind their back.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
