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

    [Fact]
    public async Task Updates_wait_for_a_group_but_a_lone_message_is_recorded_after_the_linger()
    {
        var ct = TestContext.Current.CancellationToken;
        var groups = new List<int>();
        var lone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var marker = new SentMarker(8, ids =>
        {
            lock (groups)
            {
                groups.Add(ids.Count);
            }

            if (ids.Count == 1)
            {
                lone.TrySetResult();
            }

            return Task.CompletedTask;
        }, group: 4, linger: TimeSpan.FromMilliseconds(500));

        // One message and a pause: recorded alone once the linger is over, not held until the end.
        await marker.ReserveAsync(ct);
        marker.Accepted(Guid.NewGuid());
        await lone.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);

        // Eight in a burst: two updates of four (a group never exceeds the capacity).
        for (var i = 0; i < 8; i++)
        {
            await marker.ReserveAsync(ct);
            marker.Accepted(Guid.NewGuid());
        }

        await marker.DisposeAsync();
        Assert.Equal(9, groups.Sum());
        Assert.Equal(1, groups[0]);
        Assert.All(groups, g => Assert.InRange(g, 1, 8));
        Assert.True(groups.Count <= 4, $"expected the burst in few updates, got {string.Join(",", groups)}");
    }
}
