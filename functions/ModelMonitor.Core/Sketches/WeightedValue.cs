namespace ModelMonitor.Core.Sketches;

/// <summary>One retained sketch item and how many original values it stands for.</summary>
public readonly record struct WeightedValue(double Value, long Weight);
