namespace ModelMonitor.Core.Ingestion;

/// <summary>
/// An event that can never be folded, kept with why and where it came from so nothing is lost silently.
/// <see cref="Body"/> is the message body as UTF-8 text, or base64 when it is not valid UTF-8 (<see cref="BodyEncoding"/>).
/// </summary>
public sealed record DeadLetter(
    string Partition,
    long SequenceNumber,
    int Index,
    DateTimeOffset EnqueuedTime,
    string Reason,
    string Body,
    string BodyEncoding = "utf-8");
