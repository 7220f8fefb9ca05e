using Prescriber.Web.Features.Notifications;

namespace Prescriber.Web.Tests.Notifications;

/// <summary>The durability bound of the dispatcher's background "sent" updates.</summary>
public sealed class SentMarkerTests
{
    [Fact]
    public async Task No_more_than_the_capacity_is_ever_accepted_without_a_record()
    {
        var ct = TestContext.Current.CancellationToken;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorded = new List<Guid>();
        var marker = new SentMarker(3, async ids =>
        {
            await release.Task;
            lock (recorded)
            {
                recorded.AddRange(ids);
            }
        });

        // Three sends may go out while the database is slow; the fourth waits for a record.
        for (var i = 0; i < 3; i++)
        {
            await marker.ReserveAsync(ct);
            marker.Accepted(Guid.NewGuid());
        }

        var fourth = marker.ReserveAsync(ct);
        await Task.Delay(200, ct);
        Assert.False(fourth.IsCompleted);

        release.SetResult();
        await fourth.WaitAsync(TimeSpan.FromSeconds(10), ct);
        marker.Accepted(Guid.NewGuid());
        await marker.DisposeAsync();
        Assert.Equal(4, recorded.Count);
    }

    [Fact]
    public async Task A_failed_record_stops_the_senders_and_surfaces()
    {
        var ct = TestContext.Current.CancellationToken;
        var marker = new SentMarker(2, _ => Task.FromException(new InvalidOperationException("database down")));
        await marker.ReserveAsync(ct);
        await marker.ReserveAsync(ct);
        marker.Accepted(Guid.NewGuid());
        marker.Accepted(Guid.NewGuid());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => marker.ReserveAsync(ct).WaitAsync(TimeSpan.FromSeconds(10), ct));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await marker.DisposeAsync());
        Assert.Equal("database down", error.Message);
    }
}
