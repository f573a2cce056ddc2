using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Cli.Replay;

/// <summary>What a replay did: lines read, what ingestion made of them, and the clock steps taken.</summary>
internal sealed record ReplayTotals(int Lines, IngestResult Ingest, int Steps);
