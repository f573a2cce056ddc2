namespace ModelMonitor.Core.Ingestion;

/// <summary>What a batch did. JSON names are part of the CLI's contract.</summary>
public sealed record IngestResult(int Received, int Folded, int DeadLettered, int SkippedDuplicates, int WindowsWritten, int WriteConflicts)
{
    public static IngestResult Empty { get; } = new(0, 0, 0, 0, 0, 0);

    public IngestResult Add(IngestResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Received + other.Received, Folded + other.Folded, DeadLettered + other.DeadLettered, SkippedDuplicates + other.SkippedDuplicates, WindowsWritten + other.WindowsWritten, WriteConflicts + other.WriteConflicts);
    }
}
