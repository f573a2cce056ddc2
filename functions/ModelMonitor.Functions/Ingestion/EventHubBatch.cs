using System.Text.Json;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Functions.Ingestion;

/// <summary>Turns the Event Hubs trigger's parallel binding arrays into ingest messages.</summary>
public static class EventHubBatch
{
    public static IReadOnlyList<IncomingMessage> ToMessages(byte[][] bodies, long[] sequenceNumbers, DateTime[] enqueuedTimesUtc)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(sequenceNumbers);
        ArgumentNullException.ThrowIfNull(enqueuedTimesUtc);
        if (sequenceNumbers.Length != bodies.Length || enqueuedTimesUtc.Length != bodies.Length)
        {
            // Without a sequence number per event, redelivery could not be recognised: refuse the batch.
            throw new InvalidOperationException(
                $"Binding metadata does not line up: {bodies.Length} bodies, {sequenceNumbers.Length} sequence numbers, {enqueuedTimesUtc.Length} enqueued times.");
        }

        var messages = new IncomingMessage[bodies.Length];
        for (var i = 0; i < bodies.Length; i++)
        {
            var enqueued = DateTime.SpecifyKind(enqueuedTimesUtc[i], DateTimeKind.Utc);
            messages[i] = new IncomingMessage(bodies[i], sequenceNumbers[i], new DateTimeOffset(enqueued));
        }

        return messages;
    }

    /// <summary>
    /// Every body of a batch whose metadata may not line up, for quarantine: a missing sequence number becomes -1 and a
    /// missing enqueued time <paramref name="now"/>, so no body is dropped because its metadata is.
    /// </summary>
    public static IReadOnlyList<IncomingMessage> ToMessagesForQuarantine(byte[][]? bodies, long[]? sequenceNumbers, DateTime[]? enqueuedTimesUtc, DateTimeOffset now)
    {
        if (bodies is null)
        {
            return [];
        }

        var messages = new IncomingMessage[bodies.Length];
        for (var i = 0; i < bodies.Length; i++)
        {
            var sequence = sequenceNumbers is not null && i < sequenceNumbers.Length ? sequenceNumbers[i] : -1;
            var enqueued = enqueuedTimesUtc is not null && i < enqueuedTimesUtc.Length ? new DateTimeOffset(DateTime.SpecifyKind(enqueuedTimesUtc[i], DateTimeKind.Utc)) : now;
            messages[i] = new IncomingMessage(bodies[i] ?? [], sequence, enqueued);
        }

        return messages;
    }

    /// <summary>The partition id from the trigger's <c>PartitionContext</c>, or null when it has none.</summary>
    public static string? TryGetPartitionId(IReadOnlyDictionary<string, object?>? partitionContext)
    {
        if (partitionContext is not null && partitionContext.TryGetValue("PartitionId", out var value) && value is not null)
        {
            var text = value is JsonElement { ValueKind: JsonValueKind.String } element ? element.GetString() : value.ToString();
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        return null;
    }

    /// <summary>The partition id from the trigger's <c>PartitionContext</c> binding data.</summary>
    public static string PartitionId(IReadOnlyDictionary<string, object?> partitionContext)
    {
        ArgumentNullException.ThrowIfNull(partitionContext);
        return TryGetPartitionId(partitionContext) ?? throw new InvalidOperationException("The trigger's PartitionContext has no PartitionId; window blobs are per partition, so the batch cannot be folded.");
    }
}
