namespace ModelMonitor.Core.Summaries;

/// <summary>One tracked caller's inputs in a summary (see <see cref="CallerInputs"/>).</summary>
/// <param name="CallerId">The caller.</param>
/// <param name="Inputs">Events with features counted since the caller was (last) admitted to the tracked set.</param>
/// <param name="DistinctExact">Distinct exact inputs among them (HyperLogLog estimate, never above <paramref name="Inputs"/>).</param>
/// <param name="DistinctNear">Distinct near-identical buckets among them (estimate, never above <paramref name="Inputs"/>).</param>
public sealed record CallerInputCount(string CallerId, long Inputs, double DistinctExact, double DistinctNear)
{
    /// <summary>Share of the inputs that repeat an earlier one exactly: 1 − distinct/inputs, in [0, 1].</summary>
    public double ExactRepeatShare => Share(DistinctExact);

    /// <summary>Share of the inputs that repeat an earlier one's near-identical bucket, in [0, 1].</summary>
    public double NearRepeatShare => Share(DistinctNear);

    private double Share(double distinct) => Inputs <= 0 ? 0.0 : Math.Clamp(1.0 - (distinct / Inputs), 0.0, 1.0);
}
