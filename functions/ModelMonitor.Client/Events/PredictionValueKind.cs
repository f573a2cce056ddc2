namespace ModelMonitor.Client;

/// <summary>What a <see cref="PredictionValue"/> holds.</summary>
public enum PredictionValueKind
{
    /// <summary>A score, probability or regression output.</summary>
    Number = 0,

    /// <summary>A class label.</summary>
    Label,
}
