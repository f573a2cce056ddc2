using ModelMonitor.Core.Ingestion;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Cli.Demo;

/// <summary>What a demo run did: messages sent, what ingest made of them, and the roll-ups.</summary>
public sealed record DemoTotals(long Messages, IngestResult Ingest, RollupResult Hourly, RollupResult Daily);
