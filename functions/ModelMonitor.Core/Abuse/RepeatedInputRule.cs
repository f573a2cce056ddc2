using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Abuse;

/// <summary>
/// <see cref="AbuseSubkind.RepeatedInputs"/>: a caller whose share of repeated inputs (exact, or near-identical) is far
/// above the population's in the same hour, from the summary's <see cref="CallerInputs"/>. The population is the
/// tracked callers with at least <see cref="AbusePolicy.RepeatMinimumInputs"/> inputs; with fewer than
/// <see cref="AbusePolicy.MinimumPopulation"/> of them nothing is judged. A share stands out when it is at least
/// <see cref="AbusePolicy.RepeatMinimumExcess"/> over the median and its robust z-score over the median and MAD exceeds
/// <see cref="AbusePolicy.RepeatZ"/>; the scale never falls below <see cref="ScaleFloor"/>, the sketches' own noise.
/// </summary>
internal sealed class RepeatedInputRule
{
    /// <summary>Smallest scale of a share: HyperLogLog estimates of precision 7 are off by about 9% of the distinct count.</summary>
    public const double ScaleFloor = 0.05;

    private readonly AbusePolicy _policy;
    private readonly Dictionary<string, CallerInputCount> _callers;
    private readonly (double Median, double Mad)? _exact;
    private readonly (double Median, double Mad)? _near;

    public RepeatedInputRule(WindowSummary summary, AbusePolicy policy)
    {
        _policy = policy;
        _callers = summary.CallerInputs.All()
            .Where(c => c.CallerId.Length > 0 && c.Inputs >= policy.RepeatMinimumInputs)
            .ToDictionary(c => c.CallerId, StringComparer.Ordinal);
        if (_callers.Count >= policy.MinimumPopulation)
        {
            _exact = MedianAndMad([.. _callers.Values.Select(c => c.ExactRepeatShare)]);
            _near = MedianAndMad([.. _callers.Values.Select(c => c.NearRepeatShare)]);
        }
    }

    /// <summary>Adds the caller's evidence (null where not judged) and says whether the rule fired.</summary>
    public bool Judge(string callerId, Dictionary<string, double?> evidence)
    {
        var counted = _callers.GetValueOrDefault(callerId);
        evidence["inputs"] = counted?.Inputs;
        evidence["distinctInputs"] = counted?.DistinctExact;
        evidence["distinctNearInputs"] = counted?.DistinctNear;
        evidence["repeatShare"] = counted?.ExactRepeatShare;
        evidence["nearRepeatShare"] = counted?.NearRepeatShare;
        evidence["populationRepeatShare"] = _exact?.Median;
        evidence["populationNearRepeatShare"] = _near?.Median;
        evidence["repeatMad"] = _exact?.Mad;
        evidence["nearRepeatMad"] = _near?.Mad;
        evidence["repeatPopulationCallers"] = _callers.Count;
        if (counted is null || _exact is not { } exact || _near is not { } near)
        {
            evidence["repeatZ"] = null;
            evidence["nearRepeatZ"] = null;
            return false;
        }

        double exactZ = Z(counted.ExactRepeatShare, exact);
        double nearZ = Z(counted.NearRepeatShare, near);
        evidence["repeatZ"] = exactZ;
        evidence["nearRepeatZ"] = nearZ;
        return StandsOut(counted.ExactRepeatShare, exact, exactZ) || StandsOut(counted.NearRepeatShare, near, nearZ);
    }

    private bool StandsOut(double share, (double Median, double Mad) population, double z) =>
        share - population.Median >= _policy.RepeatMinimumExcess && z > _policy.RepeatZ;

    private static double Z(double share, (double Median, double Mad) population) =>
        (share - population.Median) / Math.Max(PopulationStatistics.MadToSigma * population.Mad, ScaleFloor);

    private static (double Median, double Mad) MedianAndMad(double[] shares)
    {
        double median = Operations.Median.Of(shares);
        return (median, Operations.Median.Of([.. shares.Select(s => Math.Abs(s - median))]));
    }
}
