using ModelMonitor.Core.Events;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Ingestion;

/// <summary>
/// Parses a batch and groups its events by base window. Pure: no I/O, so the costly part of ingest
/// (parsing and validation) can be tested and benchmarked alone.
/// </summary>
public static class BatchPlanner
{
    private const int InitialWindowCapacity = 256;

    public static BatchPlan Plan(string partition, IReadOnlyList<IncomingMessage> messages, EventParser parser, Granularity granularity, DeadLetterLimits? deadLetterLimits = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(granularity);
        Identifiers.RequireValidPathId(partition, nameof(partition));

        var windows = new Dictionary<WindowKey, List<SequencedEvent>>();
        var deadLetters = new List<DeadLetter>();
        var results = new List<ParseResult>();
        var letterLimits = deadLetterLimits ?? DeadLetterLimits.Default;
        var received = 0;
        WindowKey? lastKey = null;
        List<SequencedEvent>? lastList = null;
        for (var m = 0; m < messages.Count; m++)
        {
            var message = messages[m];
            results.Clear();
            // The memory overload lets events keep their ids as slices of the body: the batch's bodies outlive its events.
            parser.Parse(message.Body, message.EnqueuedTime, results);
            foreach (var result in results)
            {
                received++;
                if (result.Event is { } e)
                {
                    // Consecutive events usually share a window: reuse its key instead of building and hashing a new one.
                    var start = granularity.Floor(e.Timestamp);
                    if (lastKey is null || lastKey.WindowStart != start || !ReferenceEquals(lastKey.ModelId, e.ModelId) || !ReferenceEquals(lastKey.ModelVersion, e.ModelVersion))
                    {
                        lastKey = new WindowKey(e.ModelId, e.ModelVersion, granularity, start);
                        if (!windows.TryGetValue(lastKey, out lastList))
                        {
                            // Sized for the rest of the batch landing here (the usual single-model partition), within
                            // a cap, so a window's list rarely regrows while a many-model batch does not over-reserve.
                            lastList = new List<SequencedEvent>(Math.Min(messages.Count - m, InitialWindowCapacity));
                            windows[lastKey] = lastList;
                        }
                    }

                    lastList!.Add(new SequencedEvent(message.SequenceNumber, e));
                }
            }

            // Letters are built per message, not per element: one body per message, a bounded number of letters.
            MessageDeadLetters.Add(partition, message, results, letterLimits, deadLetters);
        }

        // Folding relies on sequence order within a window (the high-water mark skips redeliveries).
        // Event Hubs delivers a partition in order, so this is almost always a check, not a sort.
        foreach (var list in windows.Values)
        {
            if (!IsInSequenceOrder(list))
            {
                list.Sort(static (a, b) => a.SequenceNumber.CompareTo(b.SequenceNumber));
            }
        }

        return new BatchPlan(partition, received, windows, deadLetters);
    }

    private static bool IsInSequenceOrder(List<SequencedEvent> list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].SequenceNumber < list[i - 1].SequenceNumber)
            {
                return false;
            }
        }

        return true;
    }
}
