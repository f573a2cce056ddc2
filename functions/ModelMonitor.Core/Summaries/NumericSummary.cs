using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Summaries;

/// <summary>
/// Mergeable summary of a numeric stream: exact counts of finite, NaN and ±Inf values, exact min/max,
/// mean and variance merged with Chan et al.'s parallel update (numerically stable), and a KLL quantile sketch.
/// Non-finite values are counted but kept out of the moments and the sketch.
/// </summary>
public sealed class NumericSummary
{
    public NumericSummary(int sketchK = KllSketch.DefaultK) => Sketch = new KllSketch(sketchK);

    internal NumericSummary(long count, long nan, long posInf, long negInf, double mean, double m2, KllSketch sketch)
    {
        Count = count;
        Nan = nan;
        PosInf = posInf;
        NegInf = negInf;
        Mean = mean;
        M2 = m2;
        Sketch = sketch;
    }

    /// <summary>Finite values seen.</summary>
    public long Count { get; private set; }

    public long Nan { get; private set; }

    public long PosInf { get; private set; }

    public long NegInf { get; private set; }

    /// <summary>Mean of the finite values; NaN when there are none.</summary>
    public double Mean { get; private set; } = double.NaN;

    /// <summary>Sum of squared deviations from the mean (Welford's M2).</summary>
    public double M2 { get; private set; }

    public double Min => Sketch.Min;

    public double Max => Sketch.Max;

    /// <summary>Population variance (ddof 0); NaN when empty.</summary>
    public double Variance => Count == 0 ? double.NaN : Math.Max(0, M2 / Count);

    /// <summary>Population standard deviation (ddof 0); NaN when empty.</summary>
    public double StdDev => Math.Sqrt(Variance);

    public KllSketch Sketch { get; }

    /// <summary>Every value seen, finite or not.</summary>
    public long Total => Count + Nan + PosInf + NegInf;

    public void Add(double value)
    {
        if (double.IsFinite(value))
        {
            Count++;
            if (Count == 1)
            {
                Mean = value;
                M2 = 0;
            }
            else
            {
                var delta = value - Mean;
                Mean += delta / Count;
                M2 += delta * (value - Mean);
            }

            Sketch.Update(value);
        }
        else if (double.IsNaN(value))
        {
            Nan++;
        }
        else if (value > 0)
        {
            PosInf++;
        }
        else
        {
            NegInf++;
        }
    }

    public void Merge(NumericSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Nan += other.Nan;
        PosInf += other.PosInf;
        NegInf += other.NegInf;
        if (other.Count > 0)
        {
            if (Count == 0)
            {
                Mean = other.Mean;
                M2 = other.M2;
            }
            else
            {
                double n = Count + other.Count;
                var delta = other.Mean - Mean;
                Mean += delta * other.Count / n;
                M2 += other.M2 + (delta * delta * Count * other.Count / n);
            }

            Count += other.Count;
        }

        Sketch.Merge(other.Sketch);
    }

    public NumericSummary Clone() => new(Count, Nan, PosInf, NegInf, Mean, M2, Sketch.Clone());
}
