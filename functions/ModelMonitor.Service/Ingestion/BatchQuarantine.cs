using System.Globalization;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Service.Ingestion;

/// <summary>
/// Sets aside a batch that failed permanently: every raw message goes to the dead letters, whole, with the
/// exception and where the batch came from, so the partition's checkpoint can move on and nothing is lost.
/// If the dead letters cannot be written either, the write's exception propagates and the batch is retried.
/// </summary>
public sealed class BatchQuarantine(IDeadLetterStore deadLetters)
{
    /// <summary>Partition name used in blob names when the batch's own is missing or not a valid path segment.</summary>
    public const string UnknownPartition = "unknown-partition";

    /// <summary>Exception messages are cut to this many characters in the letters' reason.</summary>
    public const int MaxExceptionMessageLength = 1000;

    /// <param name="partition">The partition as the trigger gave it, or null when it gave none.</param>
    /// <param name="messages">Every message of the batch.</param>
    /// <param name="failure">Why the batch cannot be folded.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The letters written, one per message.</returns>
    public async Task<IReadOnlyList<DeadLetter>> QuarantineAsync(string? partition, IReadOnlyList<IncomingMessage> messages, Exception failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(failure);
        if (messages.Count == 0)
        {
            return [];
        }

        // A partition id that is not a safe path segment must not reach a blob name; the reason keeps it verbatim.
        var safePartition = partition is not null && Identifiers.IsValidPathId(partition) ? partition : UnknownPartition;
        var reason = Reason(partition, messages, failure);
        var letters = new DeadLetter[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var (body, encoding, _) = DeadLetterBody.Encode(messages[i].Body.Span, int.MaxValue);
            letters[i] = new DeadLetter(safePartition, messages[i].SequenceNumber, i, messages[i].EnqueuedTime, reason, body, encoding, Quarantined: true);
        }

        await deadLetters.WriteAsync(safePartition, letters, cancellationToken);
        return letters;
    }

    private static string Reason(string? partition, IReadOnlyList<IncomingMessage> messages, Exception failure)
    {
        var message = failure.Message.Length <= MaxExceptionMessageLength ? failure.Message : string.Concat(failure.Message.AsSpan(0, MaxExceptionMessageLength), "…");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"quarantined: {failure.GetType().FullName}: {message} (partition {partition ?? "(none)"}, sequence {messages[0].SequenceNumber}..{messages[^1].SequenceNumber}, batch of {messages.Count}; events folded before the failure stay folded)");
    }
}
