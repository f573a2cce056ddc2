namespace ModelMonitor.Core.Checks;

/// <summary>The descriptive drift metrics of one feature; null where a metric does not apply or a side is empty.</summary>
internal sealed record DriftMetrics(
    TestStatistic? Ks,
    ChiSquareStatistic? ChiSquare,
    TestStatistic? ZTest,
    double? Psi,
    double? JensenShannon,
    double? Wasserstein,
    double? WassersteinNormalized)
{
    public static DriftMetrics None { get; } = new(null, null, null, null, null, null, null);
}
