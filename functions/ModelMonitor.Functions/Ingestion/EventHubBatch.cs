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

    /// <summary>The partition id from the trigger's <c>PartitionContext</c> binding data.</summary>
    public static string PartitionId(IReadOnlyDictionary<string, object?> partitionContext)
    {
        ArgumentNullException.ThrowIfNull(partitionContext);
        if (partitionContext.TryGetValue("PartitionId", out var value) && value is not null)
        {
            var text = value is JsonElement { ValueKind: JsonValueKind.String } element ? element.GetString() : value.ToString();
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        throw new InvalidOperationException("The trigger's PartitionContext has no PartitionId; window blobs are per partition, so the batch cannot be folded.");
    }
}
