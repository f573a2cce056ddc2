namespace ModelMonitor.Examples.ScoringApi.Monitoring;

/// <summary>
/// Creates the producer when the app starts (so a bad configuration fails the start, not the first request) and
/// flushes it when the app stops, while logging still works; the container's own dispose later is then a no-op.
/// </summary>
internal sealed class ProducerShutdown(ScoringMonitor monitor) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await monitor.DisposeAsync();
}
