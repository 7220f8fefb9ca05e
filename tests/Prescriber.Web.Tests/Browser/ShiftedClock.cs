namespace Prescriber.Web.Tests.Browser;

/// <summary>
/// Real time plus an offset the test moves forward ("the next morning"). Unlike a frozen fake
/// clock it keeps ticking, so cookies, sign-in codes and timestamps a browser sees stay plausible.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; private set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward to the given instant (never back).</summary>
    public void JumpTo(DateTimeOffset instant)
    {
        var offset = instant - System.GetUtcNow();
        Assert.True(offset >= Offset, "the story's clock only moves forward");
        Offset = offset;
    }
}
