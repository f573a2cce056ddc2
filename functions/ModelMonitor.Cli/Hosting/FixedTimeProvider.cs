namespace ModelMonitor.Cli.Hosting;

/// <summary>A clock stopped at one instant: the demo evaluates its simulated range as of that range's end.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
