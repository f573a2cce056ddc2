using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Ingestion;

/// <summary>A parsed batch: valid events grouped by the window they fold into, in sequence order, and the dead letters.</summary>
public sealed record BatchPlan(
    string Partition,
    int Received,
    IReadOnlyDictionary<WindowKey, List<SequencedEvent>> Windows,
    IReadOnlyList<DeadLetter> DeadLetters)
{
    /// <summary>Rejected events: one per letter plus those a capped letter summarises.</summary>
    public int DeadLettered { get; } = DeadLetters.Sum(l => l.EventCount);
}
