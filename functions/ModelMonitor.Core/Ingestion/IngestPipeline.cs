using System.Collections.Concurrent;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Ingestion;

/// <summary>
/// Folds one partition's batch into window summaries, exactly once in effect:
/// per (model, version, window) touched it does one read and one conditional write (more only on a race),
/// skips events at or below the window's high-water sequence number, and writes at most one dead-letter
/// record per batch, bounded per message by <see cref="DeadLetterLimits"/>. With a <see cref="WindowCache"/> the read
/// is skipped when this partition wrote the window last: the write goes out with If-Match on the ETag it got back, and
/// a refused write (another writer, a lost response) falls back to a read, so the cache saves requests without being
/// trusted for correctness. Storage failures propagate so the trigger's retry policy redelivers the batch;
/// redelivery is then harmless.
/// </summary>
public sealed class IngestPipeline
{
    /// <summary>Attempts per window when other writers keep changing the blob between our read and write.</summary>
    public const int MaxConflictRetries = 8;

    private readonly IWindowStore _windows;
    private readonly IDeadLetterStore _deadLetters;
    private readonly Granularity _granularity;
    private readonly ParserLimits _limits;
    private readonly int _maxParallelWindows;
    private readonly WindowCache? _cache;
    private readonly DeadLetterLimits _deadLetterLimits;

    public IngestPipeline(
        IWindowStore windows,
        IDeadLetterStore deadLetters,
        Granularity granularity,
        ParserLimits? limits = null,
        int maxParallelWindows = 8,
        WindowCache? cache = null,
        DeadLetterLimits? deadLetterLimits = null)
    {
        _cache = cache;
        _deadLetterLimits = deadLetterLimits ?? DeadLetterLimits.Default;
        _windows = windows ?? throw new ArgumentNullException(nameof(windows));
        _deadLetters = deadLetters ?? throw new ArgumentNullException(nameof(deadLetters));
        _granularity = granularity ?? throw new ArgumentNullException(nameof(granularity));
        _limits = limits ?? ParserLimits.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelWindows, 1);
        _maxParallelWindows = maxParallelWindows;
    }

    public async Task<IngestResult> ProcessAsync(string partition, IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken = default)
    {
        var plan = BatchPlanner.Plan(partition, messages, new EventParser(_limits), _granularity, _deadLetterLimits);
        if (plan.DeadLetters.Count > 0)
        {
            await _deadLetters.WriteAsync(partition, plan.DeadLetters, cancellationToken);
        }

        var outcomes = new ConcurrentBag<WindowOutcome>();
        await Parallel.ForEachAsync(
            plan.Windows,
            new ParallelOptions { MaxDegreeOfParallelism = _maxParallelWindows, CancellationToken = cancellationToken },
            async (window, ct) => outcomes.Add(await FoldWindowAsync(partition, window.Key, window.Value, ct)));

        return new IngestResult(
            plan.Received,
            outcomes.Sum(o => o.Folded),
            plan.DeadLettered,
            outcomes.Sum(o => o.Skipped),
            outcomes.Count(o => o.Written),
            outcomes.Sum(o => o.Conflicts));
    }

    private async Task<WindowOutcome> FoldWindowAsync(string partition, WindowKey key, List<SequencedEvent> events, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConflictRetries; attempt++)
        {
            // Only the first attempt trusts the cache: a refused write means the blob moved on without us.
            var stored = attempt == 0 && _cache is not null && _cache.TryTake(partition, key, out var cached)
                ? cached
                : await _windows.ReadAsync(key, partition, cancellationToken);
            var summary = stored?.Summary ?? new WindowSummary(key.ModelId, key.ModelVersion, key.WindowStart, key.WindowEnd);
            var highWater = stored?.LastSequenceNumber ?? -1;
            var folded = 0;
            var skipped = 0;
            foreach (var item in events)
            {
                if (item.SequenceNumber <= highWater)
                {
                    skipped++;
                    continue;
                }

                summary.Add(item.Event);
                folded++;
            }

            if (folded == 0)
            {
                // Untouched, so still exactly what the store holds at that ETag.
                if (stored is not null)
                {
                    _cache?.Put(partition, key, stored);
                }

                return new WindowOutcome(0, skipped, false, attempt);
            }

            var lastSequence = events[^1].SequenceNumber;
            var updated = new StoredWindow(summary, Math.Max(highWater, lastSequence), stored?.ETag);
            var outcome = await _windows.WriteAsync(key, partition, updated, stored?.ETag, cancellationToken);
            if (outcome.Written)
            {
                if (outcome.ETag is not null)
                {
                    _cache?.Put(partition, key, updated with { ETag = outcome.ETag });
                }

                return new WindowOutcome(folded, skipped, true, attempt);
            }
        }

        throw new WriteConflictException(
            $"Window {key.Granularity.Name}/{key.ModelId}/{key.ModelVersion}/{key.WindowStart:O} of partition {partition} changed under us {MaxConflictRetries} times; the batch will be retried.");
    }

    private readonly record struct WindowOutcome(int Folded, int Skipped, bool Written, int Conflicts);
}
