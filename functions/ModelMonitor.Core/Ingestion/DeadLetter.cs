using System.Text.Json.Serialization;

namespace ModelMonitor.Core.Ingestion;

/// <summary>
/// An event that can never be folded, kept with why and where it came from so nothing is lost silently.
/// <see cref="Body"/> is UTF-8 text, or base64 when it is not valid UTF-8 (<see cref="BodyEncoding"/>); what it holds
/// is told by <see cref="BodyScope"/>: the whole message, the rejected array element alone, or nothing when the
/// message's body is already stored with another letter of the same message (stored once, never once per element).
/// </summary>
/// <param name="Partition">The partition the message came from.</param>
/// <param name="SequenceNumber">The message's sequence number in its partition.</param>
/// <param name="Index">The event's position in a JSON array body (0 for a single object); for a quarantined message, its position in the batch.</param>
/// <param name="EnqueuedTime">When the message reached the event hub.</param>
/// <param name="Reason">Why the event was rejected, starting with a stable code (<c>invalid-json:</c>, <c>quarantined:</c>, ...).</param>
/// <param name="Body">The stored body text (see <see cref="BodyScope"/>).</param>
/// <param name="BodyEncoding"><c>utf-8</c> or <c>base64</c>.</param>
/// <param name="BodyScope">One of <see cref="DeadLetterBodyScope"/>. Default <c>message</c>.</param>
/// <param name="Omitted">
/// Further rejected elements of the same message that this letter stands for (they were counted, not stored one by
/// one, because a message may carry at most <see cref="DeadLetterLimits.MaxLettersPerMessage"/> letters). Default 0.
/// </param>
/// <param name="TruncatedFromBytes">The original byte length when <see cref="Body"/> was cut to <see cref="DeadLetterLimits.MaxBodyBytes"/>; null when complete.</param>
/// <param name="Quarantined">True when the message was valid or not, but its whole batch failed permanently and was set aside (see <see cref="Reason"/>).</param>
public sealed record DeadLetter(
    string Partition,
    long SequenceNumber,
    int Index,
    DateTimeOffset EnqueuedTime,
    string Reason,
    string Body,
    string BodyEncoding = "utf-8",
    string BodyScope = DeadLetterBodyScope.Message,
    int Omitted = 0,
    int? TruncatedFromBytes = null,
    bool Quarantined = false)
{
    /// <summary>How many rejected events this letter accounts for: itself and the elements it summarises.</summary>
    [JsonIgnore]
    public int EventCount => 1 + Omitted;
}
