namespace ModelMonitor.Core.Rollbacks;

/// <summary>Monitoring history: a model version served events from a slot, last in the window ending <paramref name="LastSeen"/>.</summary>
public sealed record SlotSighting(string Version, string Slot, long Events, DateTimeOffset LastSeen);
