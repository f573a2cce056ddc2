using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Cycle;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Cli.Replay;

/// <summary>
/// Pushes a file's events through the service's own path in event-time order with a simulated clock: before each
/// whole hour the events of the hour before it are ingested (same pipeline as <c>modelmonitor ingest</c>), then the
/// clock moves to the hour and the <see cref="MonitoringCycle"/> runs every stage whose window closed, as its timer
/// would. The clock stops at the first whole hour after the last event: past the end of a file every model would look
/// silent.
/// </summary>
/// <remarks>
/// Sequence numbers are the events' ranks in event-time order, so replaying the same file into the same storage is
/// recognised as redelivery and folds nothing twice. The statistical checks run each hour over whole hours (as
/// <c>check --hours-only</c>); without a reference they use the trailing baseline (the same hour a week earlier,
/// else the hour before).
/// </remarks>
internal sealed class ReplayRunner(CliStorage storage, SimulatedClock clock, IReadOnlyDictionary<(string ModelId, string Section), string> policy, string partition)
{
    private readonly IngestPipeline _pipeline = storage.CreatePipeline();

    /// <summary>Runs the replay; <paramref name="opened"/> sees each step's new episodes as they open.</summary>
    public async Task<ReplayTotals> RunAsync(IReadOnlyList<ReplayEvent> events, Func<CycleRunResult, Task> opened, CancellationToken cancellationToken)
    {
        await storage.Clients.EnsureCreatedAsync(cancellationToken);
        var timed = events.Where(e => e.Time is not null).ToList();
        if (timed.Count == 0)
        {
            // Nothing has a time to step through: ingest what there is (it is dead-lettered with its reasons) and stop.
            var only = await IngestAsync(events, 0, events.Count, cancellationToken);
            return new ReplayTotals(events.Count, only, 0);
        }

        var first = Granularity.Hour.Floor(timed[0].Time!.Value);
        var last = timed[^1].Time!.Value;
        var configs = new OverlayModelConfigStore(policy, new TableModelConfigStore(storage.Clients.Table(TableModelConfigStore.TableName)));
        var sink = CliAlerts.Create(storage, clock, notificationFile: null);
        var cycle = new MonitoringCycle(
            storage.Clients.Windows,
            storage.Reader,
            new ReferenceStore(storage.Clients.References),
            new CheckResultStore(storage.Clients.CheckResults),
            configs,
            sink,
            clock,
            new MonitoringCycleOptions { IncludeBaseWindows = false, StatisticalCadence = Granularity.Hour, DataSince = first },
            NullLoggerFactory.Instance);

        var ingest = IngestResult.Empty;
        int next = 0, steps = 0;
        DateTimeOffset? previous = null;
        for (var step = first + Granularity.Hour.Length; ; step += Granularity.Hour.Length)
        {
            var end = next;
            while (end < events.Count && (events[end].Time is null || events[end].Time < step))
            {
                end++;
            }

            clock.Set(step);
            ingest = ingest.Add(await IngestAsync(events, next, end, cancellationToken));
            next = end;
            var result = await cycle.RunDueAsync(previous, cancellationToken);
            previous = step;
            steps++;
            await opened(result);
            if (step > last)
            {
                break;
            }
        }

        return new ReplayTotals(events.Count, ingest, steps);
    }

    // Batches of at most PartitionBatch.MaxMessages, enqueued "now": the step the events arrived by.
    private async Task<IngestResult> IngestAsync(IReadOnlyList<ReplayEvent> events, int from, int to, CancellationToken cancellationToken)
    {
        var total = IngestResult.Empty;
        for (var start = from; start < to; start += Sources.PartitionBatch.MaxMessages)
        {
            var count = Math.Min(Sources.PartitionBatch.MaxMessages, to - start);
            var batch = new IncomingMessage[count];
            for (var i = 0; i < count; i++)
            {
                batch[i] = new IncomingMessage(events[start + i].Body, start + i + 1, clock.GetUtcNow());
            }

            total = total.Add(await _pipeline.ProcessAsync(partition, batch, cancellationToken));
        }

        return total;
    }
}
