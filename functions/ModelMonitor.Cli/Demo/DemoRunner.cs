using Azure.Storage.Blobs.Models;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Cli.Sources;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Cycle;
using ModelMonitor.Storage.Tables;
using Spectre.Console;

namespace ModelMonitor.Cli.Demo;

/// <summary>
/// The local end-to-end job: simulate the stream, ingest it through the Function's pipeline partition by
/// partition, roll up the simulated range, then read back what a dashboard would show.
/// </summary>
internal sealed class DemoRunner(CliStorage storage, DemoSettings settings, TimeProvider timeProvider, TextWriter? rollbackReport = null)
{
    /// <summary>Roll-ups computed concurrently (each reads a dozen blobs and writes one).</summary>
    private const int RollupParallelism = 8;

    public async Task<DemoTotals> RunAsync(IAnsiConsole progressConsole, CancellationToken cancellationToken = default)
    {
        await storage.Clients.EnsureCreatedAsync(cancellationToken);
        var stream = new SyntheticStream(settings);
        var source = new SyntheticEventSource(stream, settings);
        var ingestor = new SourceIngestor(storage.CreatePipeline());
        return await ProgressDisplay.RunAsync(progressConsole, timeProvider, async progress =>
        {
            var ingestTask = progress.AddTask($"ingest {settings.Days} simulated day(s)", maxValue: stream.TotalHours);
            var rollupTask = progress.AddTask("roll-ups", autoStart: false);
            long messages = 0;
            var ingest = await ingestor.RunAsync(
                source,
                (batch, _) =>
                {
                    messages += batch.Messages.Count;
                    ingestTask.Value = source.Progress * stream.TotalHours;
                },
                cancellationToken);
            ingestTask.Value = ingestTask.MaxValue;

            rollupTask.StartTask();
            var (hourly, daily) = await RollUpAsync(rollupTask, cancellationToken);
            rollupTask.Value = rollupTask.MaxValue;
            return new DemoTotals(messages, ingest, hourly, daily);
        });
    }

    /// <summary>Where the demo's notifications go (JSON lines, one per episode opened, risen or resolved).</summary>
    public static string NotificationFile { get; } = Path.Combine(Path.GetTempPath(), "modelmonitor-demo-notifications.jsonl");

    /// <summary>
    /// Pins each model's first simulated day as its reference, then steps a simulated clock hour by hour through the
    /// last day and runs the <see cref="MonitoringCycle"/> at each step, as the timers would have: statistical,
    /// operational and abuse checks every hour, the feedback loop once a day, the alerts grouped into incidents.
    /// The roll-ups are done already, so the cycle skips them. Null with fewer than two days.
    /// </summary>
    public async Task<DemoChecks?> CheckAsync(CancellationToken cancellationToken = default)
    {
        if (settings.Days < 2)
        {
            return null;
        }

        var references = new ReferenceStore(storage.Clients.References);
        foreach (var model in settings.Models)
        {
            if (await storage.Reader.ReadRangeAsync(model, null, settings.Start, settings.Start.AddDays(1), cancellationToken) is { } firstDay)
            {
                await references.SaveAsync(model, null, firstDay, cancellationToken);
            }
        }

        // The hourly cycle runs over the last day, where the scripted incidents are; its first step also evaluates
        // the whole hours of the days before it once, as a timer catching up would. Stepping through every hour of
        // every day would read the serving history of each model again at each step, for checks whose history is
        // still too short there (usage swings and abuse need days of it).
        var clock = new SimulatedClock(settings.LastDayStart);
        var notifier = CliAlerts.CreateNotifier(storage, clock, NotificationFile);
        // A critical episode starts a dry-run rollback against simulated slots (DemoRollback), reported after the checks.
        await using var rollback = await DemoRollback.StartAsync(settings.Models, notifier, clock);
        var sink = CliAlerts.Create(storage, clock, rollback.Wrap(notifier));
        var configs = new TableModelConfigStore(storage.Clients.Table(TableModelConfigStore.TableName));
        MonitoringCycle Cycle(TimeSpan checksLookback) => new(
            storage.Clients.Windows,
            storage.Reader,
            references,
            new CheckResultStore(storage.Clients.CheckResults),
            configs,
            sink,
            clock,
            new MonitoringCycleOptions
            {
                IncludeBaseWindows = false,
                StatisticalCadence = Granularity.Hour,
                ChecksLookback = checksLookback,
                DataSince = settings.Start,
            });

        var opened = new List<OpenedEpisode>();
        var steps = new List<CycleRunResult>();
        DateTimeOffset? previous = null;
        for (var step = settings.LastDayStart + Granularity.Hour.Length; step <= settings.End; step += Granularity.Hour.Length)
        {
            clock.Set(step);
            var cycle = Cycle(previous is null ? step - settings.Start.AddDays(1) : Granularity.Hour.Length * 2);
            var due = CycleSchedule.Due(previous, step, cycle.Options) & ~(CycleStages.RollupHourly | CycleStages.RollupDaily);
            var result = await cycle.RunAsync(due, cancellationToken);
            opened.AddRange(result.Opened);
            steps.Add(result);
            previous = step;
        }

        if (rollbackReport is not null)
        {
            await rollback.ReportAsync(rollbackReport, cancellationToken);
        }

        return new DemoChecks(steps, opened);
    }

    public async Task<IReadOnlyList<ModelReport>> ReadReportsAsync(CancellationToken cancellationToken = default)
    {
        var versions = await ListVersionsAsync(cancellationToken);
        var reports = new List<ModelReport>();
        foreach (var model in settings.Models)
        {
            var run = await storage.Reader.ReadRangeAsync(model, null, settings.Start, settings.End, cancellationToken);
            var lastDay = await storage.Reader.ReadRangeAsync(model, null, settings.LastDayStart, settings.End, cancellationToken);
            reports.Add(new ModelReport(model, [.. versions.Where(v => v.ModelId == model).Select(v => v.ModelVersion)], run, lastDay));
        }

        return reports;
    }

    /// <summary>Dead letters of this run's partitions (not those of other sources or other demo settings).</summary>
    public async Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(CancellationToken cancellationToken = default)
    {
        var partitions = Enumerable.Range(0, DemoSettings.PartitionCount).Select(settings.PartitionName).ToHashSet(StringComparer.Ordinal);
        var letters = new List<DeadLetter>();
        await foreach (var letter in storage.DeadLetters.ListAsync(cancellationToken))
        {
            if (partitions.Contains(letter.Partition))
            {
                letters.Add(letter);
            }
        }

        return letters;
    }

    /// <summary>
    /// Rolls up exactly the simulated range rather than <see cref="RollupService.RunAsync"/>'s "last N hours of every
    /// model": the range may lie in the past, and other models in the account are not the demo's business.
    /// Only windows that have ended are rolled up, as the timers do.
    /// </summary>
    private async Task<(RollupResult Hourly, RollupResult Daily)> RollUpAsync(ProgressTask task, CancellationToken cancellationToken)
    {
        var versions = await ListVersionsAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var hours = Windows(Granularity.Hour, now);
        var days = Windows(Granularity.Day, now);
        task.MaxValue = Math.Max(1, versions.Count * (hours.Count + days.Count));
        var hourly = await RollUpAsync(versions, Granularity.Hour, hours, task, cancellationToken);
        var daily = await RollUpAsync(versions, Granularity.Day, days, task, cancellationToken);
        return (hourly, daily);
    }

    private async Task<RollupResult> RollUpAsync(List<ModelVersionRef> versions, Granularity granularity, List<DateTimeOffset> starts, ProgressTask task, CancellationToken cancellationToken)
    {
        var keys = versions.SelectMany(v => starts.Select(s => new WindowKey(v.ModelId, v.ModelVersion, granularity, s)));
        int written = 0, unchanged = 0, empty = 0;
        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = RollupParallelism, CancellationToken = cancellationToken },
            async (key, ct) =>
            {
                switch (await storage.Rollups.RollUpAsync(key, ct))
                {
                    case true:
                        Interlocked.Increment(ref written);
                        break;
                    case false:
                        Interlocked.Increment(ref unchanged);
                        break;
                    default:
                        Interlocked.Increment(ref empty);
                        break;
                }

                task.Increment(1);
            });
        return new RollupResult(written, unchanged, empty);
    }

    private List<DateTimeOffset> Windows(Granularity granularity, DateTimeOffset now)
    {
        var starts = new List<DateTimeOffset>();
        for (var start = granularity.Floor(settings.Start); start < settings.End && start + granularity.Length <= now; start += granularity.Length)
        {
            starts.Add(start);
        }

        return starts;
    }

    /// <summary>The demo models' versions, listed per model (not every model in the account).</summary>
    private async Task<List<ModelVersionRef>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        var versions = new List<ModelVersionRef>();
        foreach (var model in settings.Models)
        {
            var prefix = $"{storage.Reader.BaseGranularity.Name}/{model}/";
            await foreach (var item in storage.Clients.Windows.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Delimiter = "/", Prefix = prefix }, cancellationToken))
            {
                if (item.IsPrefix)
                {
                    versions.Add(new ModelVersionRef(model, item.Prefix[prefix.Length..].TrimEnd('/')));
                }
            }
        }

        return versions;
    }
}
