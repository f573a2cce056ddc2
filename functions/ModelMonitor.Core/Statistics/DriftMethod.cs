namespace ModelMonitor.Core.Statistics;

/// <summary>Stable names of the drift methods, as they appear in <see cref="FeatureDriftResult.Method"/> and reports.</summary>
public static class DriftMethod
{
    /// <summary>Two-sample Kolmogorov–Smirnov test (numeric, small reference). Score: adjusted p-value.</summary>
    public const string KolmogorovSmirnov = "ks";

    /// <summary>Chi-square test of homogeneity (categorical, small reference). Score: adjusted p-value.</summary>
    public const string ChiSquare = "chi-square";

    /// <summary>Pooled two-proportion z-test (binary, small reference). Score: adjusted p-value.</summary>
    public const string ZTest = "z";

    /// <summary>Wasserstein-1 distance normalized by the reference standard deviation (numeric, large reference).</summary>
    public const string Wasserstein = "wasserstein";

    /// <summary>Jensen–Shannon distance, natural log (categorical and binary, large reference).</summary>
    public const string JensenShannon = "jensen-shannon";

    /// <summary>True for the methods whose score is a p-value (drift when score &lt; α), false for distances (drift when score ≥ threshold).</summary>
    public static bool IsHypothesisTest(string method) => method is KolmogorovSmirnov or ChiSquare or ZTest;
}
