namespace ModelMonitor.Service.Reports;

/// <summary>One feature's drift score per checked window of one version.</summary>
/// <param name="Feature">Feature name, or "prediction" for the model's output.</param>
/// <param name="Version">Model version the windows belong to.</param>
/// <param name="Method">Deciding method (ks, chi-square, psi, …): a p-value drifts below the threshold, a distance above.</param>
/// <param name="Threshold">The method's threshold (latest window's).</param>
/// <param name="Times">Window starts.</param>
/// <param name="Scores">Score per window; null for insufficient data.</param>
/// <param name="Drifted">Whether each window was judged drifted.</param>
public sealed record DriftSeries(string Feature, string Version, string Method, double Threshold, IReadOnlyList<long> Times, IReadOnlyList<double?> Scores, IReadOnlyList<bool> Drifted)
{
    /// <summary>True for p-value tests, where a lower score is worse.</summary>
    public bool LowerIsWorse => Method is "ks" or "chi-square" or "z-test";
}
