using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Benchmarks.Load;

/// <summary>One partition batch of a <see cref="RealisticStream"/> and how many of its events are valid.</summary>
public sealed record StreamBatch(IReadOnlyList<IncomingMessage> Messages, int Valid);
