namespace ModelMonitor.Cli.Hosting;

/// <summary>A clock that only moves when told to: a replay steps it through the event time of its file.</summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock to <paramref name="now"/>; never backwards.</summary>
    public void Set(DateTimeOffset now) => _now = now >= _now ? now : throw new ArgumentOutOfRangeException(nameof(now), now, $"The clock is at {_now:O} and does not go back.");
}
