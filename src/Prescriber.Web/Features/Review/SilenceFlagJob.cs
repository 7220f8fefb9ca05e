namespace Prescriber.Web.Features.Review;

/// <summary>Daily: raises silence flags (no log for 2, 14 or 21 days by default). Safe to run twice: open flags are not repeated.</summary>
public sealed class SilenceFlagJob(FlagRaiser flags)
{
    public Task RunAsync(CancellationToken cancellationToken) => flags.SilenceAsync(cancellationToken);
}
