using ModelMonitor.Examples.ScoringApi.Tests.Infrastructure;

namespace ModelMonitor.Examples.ScoringApi.Tests.Monitoring;

/// <summary>
/// Monitoring never holds up scoring: with a sink that never completes, or one that always fails, <c>/score</c> still
/// answers, and what could not be sent is counted in <c>/producer/stats</c>. No wall-clock timing: a response that
/// arrives while the sink provably has not completed cannot have waited for it.
/// </summary>
public sealed class MonitoringOffTheRequestPathTests
{
    private static Dictionary<string, string?> Settings(int bufferCapacity = 100) => new()
    {
        ["ModelMonitor:Producer:BufferCapacity"] = bufferCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),

        // Shutdown gives up on the hanging sink quickly; nothing here measures time.
        ["ModelMonitor:Producer:FlushTimeout"] = "00:00:00.200",
        ["ModelMonitor:Producer:MaxSendAttempts"] = "2",
        ["ModelMonitor:Producer:RetryBaseDelay"] = "00:00:00",
        ["ModelMonitor:Producer:RetryMaxDelay"] = "00:00:00",
    };

    [Fact]
    public async Task Score_WhileTheSinkNeverCompletes_AnswersAndKeepsTheEventBuffered()
    {
        var sink = new HangingSink();
        await using var host = await ScoringApiHost.StartAsync(Settings(), sink);

        var first = await host.Client.ScoreAsync();
        await sink.WaitForCallAsync();
        var second = await host.Client.ScoreAsync();

        Assert.True(first.Monitored);
        Assert.True(second.Monitored);
        Assert.Equal(0, sink.Completed);
        var stats = await host.Client.StatsAsync();
        Assert.Equal("custom", stats.Destination);
        Assert.Equal((2L, 0L, 1), (stats.Accepted, stats.Sent, stats.Buffered));
    }

    [Fact]
    public async Task Score_WhenTheBufferIsFull_AnswersAndCountsTheDropByReason()
    {
        var sink = new HangingSink();
        await using var host = await ScoringApiHost.StartAsync(Settings(bufferCapacity: 2), sink);

        // The first event is taken by the pump, which then hangs in the sink; two more fill the buffer.
        await host.Client.ScoreAsync();
        await sink.WaitForCallAsync();
        var buffered = new[] { await host.Client.ScoreAsync(), await host.Client.ScoreAsync() };
        var dropped = await host.Client.ScoreAsync(amount: 5_000, country: "ZZ");

        Assert.All(buffered, r => Assert.True(r.Monitored));
        Assert.False(dropped.Monitored);
        Assert.Equal("fraud", dropped.Label);
        var stats = await host.Client.StatsAsync();
        Assert.Equal((3L, 2, 2), (stats.Accepted, stats.Buffered, stats.BufferCapacity));
        Assert.Equal((1L, 1L, 0L, 0L), (stats.Dropped.Total, stats.Dropped.BufferFull, stats.Dropped.OldestEvicted, stats.Dropped.ProducerDisposed));
        Assert.Equal(1, sink.Calls);
    }

    [Fact]
    public async Task Score_WhenEventHubsIsUnreachable_AnswersAndCountsTheFailedSend()
    {
        var sink = new UnreachableSink();
        await using var host = await ScoringApiHost.StartAsync(Settings(), sink);

        var response = await host.Client.ScoreAsync();
        await sink.WaitForCallsAsync(2);
        var stats = await host.Client.StatsWhenAsync(s => s.Failed > 0);

        Assert.True(response.Monitored);
        Assert.Equal((1L, 0L, 1L, 1L), (stats.Accepted, stats.Sent, stats.Retried, stats.Failed));
    }
}
