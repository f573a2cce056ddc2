namespace ModelMonitor.Core.Statistics;

/// <summary>
/// The step quantile function of a weighted sorted sample: Q(p) = the smallest value whose cumulative share reaches p,
/// constant on (c_{i−1}, c_i] with c_i the cumulative weight share through value i.
/// </summary>
internal sealed class StepQuantiles
{
    private readonly double[] _values;
    private readonly double[] _cumulative;

    private StepQuantiles(double[] values, double[] cumulative, double total)
    {
        _values = values;
        _cumulative = cumulative;
        Total = total;
    }

    public double Total { get; }

    public bool IsEmpty => _values.Length == 0;

    public double First => _values[0];

    public double Last => _values[^1];

    public static StepQuantiles Of(ReadOnlySpan<double> sorted, ReadOnlySpan<double> weights, string paramName)
    {
        SampleValidation.RequireSorted(sorted, paramName);
        SampleValidation.RequireFinite(sorted, paramName);
        double total = weights.IsEmpty ? sorted.Length : SampleValidation.RequireMasses(weights, sorted.Length, paramName);
        if (total <= 0)
        {
            return new StepQuantiles([], [], 0);
        }

        var values = new List<double>(sorted.Length);
        var cumulative = new List<double>(sorted.Length);
        double sum = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            if (w <= 0)
            {
                continue;
            }

            sum += w;
            values.Add(sorted[i]);
            cumulative.Add(sum / total);
        }

        cumulative[^1] = 1.0;
        return new StepQuantiles([.. values], [.. cumulative], total);
    }

    /// <summary>∫₀¹ Q(p) dp: the mean of the weighted sample.</summary>
    public double Mean()
    {
        double mean = 0, previous = 0;
        for (int i = 0; i < _values.Length; i++)
        {
            mean += _values[i] * (_cumulative[i] - previous);
            previous = _cumulative[i];
        }

        return mean;
    }

    /// <summary>
    /// Q(φ(p)) with φ(p) = p + δ·g(p), g a trapezoid that is 1 on [ramp, 1 − ramp] and falls linearly to 0 at 0 and 1:
    /// the quantile function of a sample whose ranks read δ too low across the body but exactly at the extremes.
    /// </summary>
    /// <remarks>φ is increasing while |δ| &lt; ramp, so each value keeps its place and only its rank interval moves.</remarks>
    public StepQuantiles RankShifted(double delta, double ramp)
    {
        if (!(Math.Abs(delta) < ramp && ramp > 0 && ramp <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "The rank shift must be smaller than its ramp, which must be in (0, 0.5].");
        }

        var cumulative = new double[_cumulative.Length];
        for (int i = 0; i < cumulative.Length; i++)
        {
            cumulative[i] = Math.Clamp(InverseShift(_cumulative[i], delta, ramp), i == 0 ? 0.0 : cumulative[i - 1], 1.0);
        }

        cumulative[^1] = 1.0;
        return new StepQuantiles(_values, cumulative, Total);
    }

    /// <summary>Q(p) for p in [0, 1].</summary>
    public double At(double p) => _values[SegmentAt(p)];

    /// <summary>∫ |Q_u − Q_v| dp, ∫ Q_u dp and ∫ Q_v dp over [from, to], exactly.</summary>
    public static (double AbsoluteDifference, double U, double V) Integrate(StepQuantiles u, StepQuantiles v, double from, double to)
    {
        double abs = 0, iu = 0, iv = 0;
        int i = u.SegmentAt(from), j = v.SegmentAt(from);
        double p = from;
        while (p < to)
        {
            double next = Math.Min(to, Math.Min(u._cumulative[i], v._cumulative[j]));
            double width = next - p;
            abs += width * Math.Abs(u._values[i] - v._values[j]);
            iu += width * u._values[i];
            iv += width * v._values[j];
            p = next;
            if (u._cumulative[i] <= p && i + 1 < u._values.Length)
            {
                i++;
            }

            if (v._cumulative[j] <= p && j + 1 < v._values.Length)
            {
                j++;
            }

            if (next == to)
            {
                break;
            }
        }

        return (abs, iu, iv);
    }

    // φ⁻¹(c) for the three linear pieces of φ: p(1 + δ/r) up to r, p + δ in the body, p + δ(1 − p)/r from 1 − r.
    private static double InverseShift(double c, double delta, double ramp)
    {
        if (c <= ramp + delta)
        {
            return c / (1 + (delta / ramp));
        }

        if (c <= 1 - ramp + delta)
        {
            return c - delta;
        }

        return (c - (delta / ramp)) / (1 - (delta / ramp));
    }

    // The segment (c_{i−1}, c_i] holding p: the first i with c_i ≥ p, and for p = 0 the first segment.
    private int SegmentAt(double p)
    {
        int lo = 0, hi = _cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (_cumulative[mid] >= p)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
