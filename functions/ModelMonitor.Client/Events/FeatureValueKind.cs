namespace ModelMonitor.Client;

/// <summary>What a <see cref="FeatureValue"/> holds. The default, <see cref="Null"/>, is the JSON <c>null</c>.</summary>
public enum FeatureValueKind
{
    Null = 0,
    Number,
    String,
    Boolean,
}
