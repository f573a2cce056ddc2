namespace ModelMonitor.Client;

/// <summary>Exponential back-off between send attempts: base, 2×base, 4×base, … capped at a maximum.</summary>
/// <remarks>
/// No jitter: a producer has one pump with one send in flight, and the Event Hubs SDK under it already
/// retries with jitter, so this outer layer cannot cause a synchronized retry storm of its own.
/// </remarks>
internal static class RetryBackoff
{
    /// <param name="failedAttempt">The attempt that just failed, from 1.</param>
    /// <param name="baseDelay">The delay after the first failure.</param>
    /// <param name="maxDelay">The cap.</param>
    public static TimeSpan GetDelay(int failedAttempt, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var ticks = baseDelay.Ticks * Math.Pow(2, failedAttempt - 1);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
