using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelMonitor.Core.Windows;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Configuration;

namespace ModelMonitor.Functions.Rollups;

/// <summary>Timers that merge base windows into hourly and daily summaries (see <see cref="RollupService"/>).</summary>
public sealed class RollupFunctions(RollupService rollups, IOptions<RollupOptions> options, MonitorMetrics metrics, ILogger<RollupFunctions> logger)
{
    [Function("RollupHourly")]
    public Task<RollupResult> HourlyAsync([TimerTrigger("%RollupHourlySchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(Granularity.Hour, cancellationToken);

    [Function("RollupDaily")]
    public Task<RollupResult> DailyAsync([TimerTrigger("%RollupDailySchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync(Granularity.Day, cancellationToken);

    private async Task<RollupResult> RunAsync(Granularity granularity, CancellationToken cancellationToken)
    {
        // Daily roll-ups look back at least two days so yesterday is always covered; both tiers look back over the label
        // lookback too, so outcomes arriving days later still reach them (a listing per day finds the stale ones).
        var hours = Math.Max(options.Value.LookbackHours, options.Value.LabelLookbackDays * 24);
        var lookback = TimeSpan.FromHours(Math.Max(hours, granularity == Granularity.Day ? 48 : 1));
        var result = await rollups.RunAsync(granularity, lookback, cancellationToken);
        metrics.RollupsWritten.Add(result.Written, new KeyValuePair<string, object?>("granularity", granularity.Name));
        Log.RollupCompleted(logger, granularity.Name, result.Written, result.Unchanged);
        return result;
    }
}
