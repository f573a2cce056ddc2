using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Ingestion;

/// <summary>A parsed batch: valid events grouped by the window they fold into, in sequence order, and the dead letters.</summary>
public sealed record BatchPlan(
    string Partition,
    int Received,
    IReadOnlyDictionary<WindowKey, List<SequencedEvent>> Windows,
    IReadOnlyList<DeadLetter> DeadLetters);
