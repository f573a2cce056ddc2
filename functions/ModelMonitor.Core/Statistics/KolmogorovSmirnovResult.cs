namespace ModelMonitor.Core.Statistics;

/// <summary>Outcome of a two-sided two-sample Kolmogorov–Smirnov test.</summary>
/// <param name="Statistic">D = sup |F_reference − F_current|, in [0, 1].</param>
/// <param name="PValue">Two-sided p-value in [0, 1], as <c>scipy.stats.ks_2samp(method='auto')</c>.</param>
/// <param name="Method">Distribution used for the p-value.</param>
public readonly record struct KolmogorovSmirnovResult(double Statistic, double PValue, KsPValueMethod Method);
