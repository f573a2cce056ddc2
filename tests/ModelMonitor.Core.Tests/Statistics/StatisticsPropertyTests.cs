using FsCheck;
using FsCheck.Xunit;
using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>
/// Invariants over generated inputs. Samples are small integers so ties (the hard case for ECDF code) are common.
/// </summary>
public sealed class StatisticsPropertyTests
{
    [Property(MaxTest = 200)]
    public bool KolmogorovSmirnov_IsSymmetricAndBounded(NonEmptyArray<int> a, NonEmptyArray<int> b)
    {
        double[] x = ToDoubles(a.Get), y = ToDoubles(b.Get);
        KolmogorovSmirnovResult xy = KolmogorovSmirnov.TwoSample(x, y);
        KolmogorovSmirnovResult yx = KolmogorovSmirnov.TwoSample(y, x);
        return xy == yx && xy.Statistic is >= 0 and <= 1 && xy.PValue is >= 0 and <= 1;
    }

    [Property(MaxTest = 200)]
    public bool KolmogorovSmirnov_WeightedWithIntegerWeights_EqualsExpandedSample(NonEmptyArray<int> a, NonEmptyArray<int> b)
    {
        // Collapse each sample to (distinct value, multiplicity): the sketch representation of the same data.
        (double[] xv, double[] xw) = Collapse(a.Get);
        (double[] yv, double[] yw) = Collapse(b.Get);
        KolmogorovSmirnovResult raw = KolmogorovSmirnov.TwoSample(ToDoubles(a.Get), ToDoubles(b.Get));
        KolmogorovSmirnovResult weighted = KolmogorovSmirnov.TwoSampleWeighted(xv, xw, yv, yw, a.Get.Length, b.Get.Length);
        return Math.Abs(raw.Statistic - weighted.Statistic) < 1e-12 && Math.Abs(raw.PValue - weighted.PValue) < 1e-12;
    }

    [Property(MaxTest = 200)]
    public bool Wasserstein_IsSymmetricAndTranslationGivesShift(NonEmptyArray<int> a, NonEmptyArray<int> b, int shift)
    {
        double[] x = ToDoubles(a.Get), y = ToDoubles(b.Get);
        double[] shifted = x.Select(v => v + shift).ToArray();
        double w = WassersteinDistance.Compute(x, y);
        return w >= 0
            && Math.Abs(w - WassersteinDistance.Compute(y, x)) <= 1e-9 * Math.Max(1, w)
            && Math.Abs(WassersteinDistance.Compute(x, shifted) - Math.Abs(shift)) <= 1e-9 * Math.Max(1, Math.Abs(shift));
    }

    [Property(MaxTest = 200)]
    public bool Wasserstein_CollapsedWeights_EqualRawSample(NonEmptyArray<int> a, NonEmptyArray<int> b)
    {
        (double[] xv, double[] xw) = Collapse(a.Get);
        (double[] yv, double[] yw) = Collapse(b.Get);
        double raw = WassersteinDistance.Compute(ToDoubles(a.Get), ToDoubles(b.Get));
        double weighted = WassersteinDistance.ComputeSorted(xv, xw, yv, yw);
        return Math.Abs(raw - weighted) <= 1e-9 * Math.Max(1, raw);
    }

    [Property(MaxTest = 200)]
    public bool MultipleTesting_AdjustedAreOrderedAndBounded(NonEmptyArray<PositiveInt> raw)
    {
        double[] p = raw.Get.Select(v => 1.0 / v.Get).ToArray();
        double[] bh = MultipleTesting.Adjust(p, MultipleTestingCorrection.BenjaminiHochberg);
        double[] bonferroni = MultipleTesting.Adjust(p, MultipleTestingCorrection.Bonferroni);
        int[] order = Enumerable.Range(0, p.Length).OrderBy(i => p[i]).ToArray();
        for (int k = 0; k < p.Length; k++)
        {
            int i = order[k];
            if (bh[i] < p[i] || bh[i] > 1 || bonferroni[i] < bh[i] - 1e-15)
            {
                return false;
            }

            // Step-up monotonicity: a smaller raw p never gets a larger adjusted p.
            if (k > 0 && bh[order[k - 1]] > bh[i])
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 200)]
    public bool Divergences_AreNonNegativeSymmetricAndConsistent(NonEmptyArray<NonNegativeInt> a, NonEmptyArray<NonNegativeInt> b)
    {
        int k = Math.Min(a.Get.Length, b.Get.Length);
        double[] p = a.Get.Take(k).Select(v => (double)v.Get).ToArray();
        double[] q = b.Get.Take(k).Select(v => (double)v.Get).ToArray();
        double psi = PopulationStabilityIndex.Compute(p, q);
        double js = JensenShannon.Distance(p, q);
        bool bothNonEmpty = p.Sum() > 0 && q.Sum() > 0;
        double klSum = KullbackLeibler.Divergence(p, q) + KullbackLeibler.Divergence(q, p);
        return psi >= 0
            && js is >= 0 and <= 0.8326 // √ln 2 ≈ 0.83255
            && Math.Abs(js - JensenShannon.Distance(q, p)) < 1e-12
            && (!bothNonEmpty || Math.Abs(psi - klSum) <= 1e-9 * Math.Max(1, psi));
    }

    [Property(MaxTest = 200)]
    public bool QuantileBinning_ReferenceProportionsSumToOneAndUnitWeightsAgree(NonEmptyArray<int> reference, PositiveInt bins)
    {
        double[] sorted = ToDoubles(reference.Get);
        Array.Sort(sorted);
        int binCount = (bins.Get % 20) + 1;
        double[] edges = QuantileBinning.ComputeEdges(sorted, binCount);
        double[] weightedEdges = QuantileBinning.ComputeEdges(sorted, Enumerable.Repeat(1.0, sorted.Length).ToArray(), binCount);
        var proportions = new double[edges.Length + 1];
        QuantileBinning.ComputeProportions(edges, sorted, proportions);
        bool strictlyIncreasing = edges.Zip(edges.Skip(1)).All(e => e.First < e.Second);
        return edges.SequenceEqual(weightedEdges)
            && strictlyIncreasing
            && edges.Length <= binCount - 1
            && Math.Abs(proportions.Sum() - 1) < 1e-12;
    }

    private static double[] ToDoubles(int[] values) => values.Select(v => (double)(v % 50)).ToArray();

    private static (double[] Values, double[] Weights) Collapse(int[] values)
    {
        var groups = ToDoubles(values).GroupBy(v => v).OrderBy(g => g.Key).ToArray();
        return (groups.Select(g => g.Key).ToArray(), groups.Select(g => (double)g.Count()).ToArray());
    }
}
