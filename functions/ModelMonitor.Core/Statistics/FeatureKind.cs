namespace ModelMonitor.Core.Statistics;

/// <summary>How a feature's values are compared between the reference and the current window.</summary>
public enum FeatureKind
{
    /// <summary>Continuous or ordinal numbers: KS test or normalized Wasserstein distance.</summary>
    Numeric = 0,

    /// <summary>Unordered categories given as aligned counts: chi-square test or Jensen–Shannon distance.</summary>
    Categorical = 1,

    /// <summary>Two outcomes given as positives / total: two-proportion z-test or Jensen–Shannon distance.</summary>
    Binary = 2,
}
