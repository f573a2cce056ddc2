namespace ModelMonitor.Core.Ingestion;

/// <summary>What a batch did. JSON names are part of the CLI's contract.</summary>
/// <param name="Received">Events found in the batch's messages.</param>
/// <param name="Folded">Events folded into window summaries.</param>
/// <param name="DeadLettered">Events rejected as invalid (each counted, including those a capped letter summarises).</param>
/// <param name="SkippedDuplicates">Redelivered events skipped by sequence number.</param>
/// <param name="WindowsWritten">Window blobs written.</param>
/// <param name="WriteConflicts">Writes that lost an ETag race and were retried.</param>
/// <param name="Quarantined">Messages set aside whole because their batch failed permanently (their events are not in the other counts).</param>
public sealed record IngestResult(int Received, int Folded, int DeadLettered, int SkippedDuplicates, int WindowsWritten, int WriteConflicts, int Quarantined = 0)
{
    public static IngestResult Empty { get; } = new(0, 0, 0, 0, 0, 0);

    public IngestResult Add(IngestResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Received + other.Received, Folded + other.Folded, DeadLettered + other.DeadLettered, SkippedDuplicates + other.SkippedDuplicates, WindowsWritten + other.WindowsWritten, WriteConflicts + other.WriteConflicts, Quarantined + other.Quarantined);
    }
}
