namespace ModelMonitor.Storage.Blobs;

/// <summary>What a roll-up run did.</summary>
public sealed record RollupResult(int Written, int Unchanged, int Empty);
