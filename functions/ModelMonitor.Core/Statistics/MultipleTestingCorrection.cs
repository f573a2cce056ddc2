namespace ModelMonitor.Core.Statistics;

/// <summary>How p-values of a family of tests (the features of one model) are adjusted before comparing with α.</summary>
public enum MultipleTestingCorrection
{
    /// <summary>Raw p-values: each feature at level α (family-wise false alarms grow with the number of features).</summary>
    None = 0,

    /// <summary>min(1, m·p): controls the family-wise error rate; conservative for many features.</summary>
    Bonferroni = 1,

    /// <summary>Benjamini–Hochberg step-up: controls the false discovery rate (statsmodels 'fdr_bh'). The default.</summary>
    BenjaminiHochberg = 2,
}
