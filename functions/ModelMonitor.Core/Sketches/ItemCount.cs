namespace ModelMonitor.Core.Sketches;

/// <summary>A category and its (possibly lower-bound) count.</summary>
public readonly record struct ItemCount(string Item, long Count);
