using ModelMonitor.Core.Statistics;
using Xunit.Abstractions;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>
/// Two-proportion z-test, multiple-testing adjustments and proportion intervals against the fixture script
/// (scipy.stats.norm, NumPy transcriptions of statsmodels' formulas): 1e-9 relative.
/// </summary>
public sealed class ProportionGoldenTests(ITestOutputHelper output)
{
    [Fact]
    public void TwoProportionZTest_MatchesScipyNorm()
    {
        var fixture = GoldenFixture.Load<ZFile>("ztest.json", minimumCases: 9);
        var z = new Deviation("z");
        var p = new Deviation("z p-value");
        foreach (ZCase c in fixture.Cases)
        {
            string name = $"{c.ReferenceSuccesses}/{c.ReferenceTotal} vs {c.CurrentSuccesses}/{c.CurrentTotal}";
            ZTestResult result = TwoProportionZTest.Compute(c.ReferenceSuccesses, c.ReferenceTotal, c.CurrentSuccesses, c.CurrentTotal);
            z.AssertRelative(c.Z, result.Z, 1e-9, name);
            p.AssertRelative(c.Pvalue, result.PValue, 1e-9, name);
        }

        output.WriteLine(z.ToString());
        output.WriteLine(p.ToString());
    }

    [Fact]
    public void MultipleTesting_MatchesStatsmodelsFormulas()
    {
        var fixture = GoldenFixture.Load<MultipleFile>("multiple_testing.json", minimumCases: 7);
        var bonferroni = new Deviation("bonferroni");
        var bh = new Deviation("benjamini-hochberg");
        int n = 0;
        foreach (MultipleCase c in fixture.Cases)
        {
            double[] b = MultipleTesting.Adjust(c.Pvalues, MultipleTestingCorrection.Bonferroni);
            double[] f = MultipleTesting.Adjust(c.Pvalues, MultipleTestingCorrection.BenjaminiHochberg);
            for (int i = 0; i < c.Pvalues.Length; i++)
            {
                bonferroni.AssertRelative(c.Bonferroni[i], b[i], 1e-12, $"case {n}, #{i}");
                bh.AssertRelative(c.BenjaminiHochberg[i], f[i], 1e-12, $"case {n}, #{i}");
            }

            Assert.Equal(c.Pvalues, MultipleTesting.Adjust(c.Pvalues, MultipleTestingCorrection.None));
            n++;
        }

        output.WriteLine(bonferroni.ToString());
        output.WriteLine(bh.ToString());
    }

    [Fact]
    public void ConfidenceIntervals_MatchFormulasWithScipyQuantile()
    {
        var fixture = GoldenFixture.Load<IntervalFile>("proportion_ci.json", minimumCases: 8);
        var wilson = new Deviation("wilson");
        var wald = new Deviation("wald");
        foreach (IntervalCase c in fixture.Cases)
        {
            string name = $"{c.Successes}/{c.Trials} @ {c.Confidence}";
            ConfidenceInterval w = ProportionConfidenceInterval.Wilson(c.Successes, c.Trials, c.Confidence);
            ConfidenceInterval a = ProportionConfidenceInterval.Wald(c.Successes, c.Trials, c.Confidence);

            // Bounds at exactly 0 or 1 are compared absolutely (the C# side clamps rounding residue like -1e-17).
            CheckBound(wilson, c.Wilson[0], w.Lower, name);
            CheckBound(wilson, c.Wilson[1], w.Upper, name);
            CheckBound(wald, c.Wald[0], a.Lower, name);
            CheckBound(wald, c.Wald[1], a.Upper, name);
        }

        output.WriteLine(wilson.ToString());
        output.WriteLine(wald.ToString());
    }

    private static void CheckBound(Deviation deviation, double expected, double actual, string name)
    {
        if (Math.Abs(expected) < 1e-12 || Math.Abs(expected - 1) < 1e-12)
        {
            deviation.AssertAbsolute(expected, actual, 1e-12, name);
        }
        else
        {
            deviation.AssertRelative(expected, actual, 1e-9, name);
        }
    }

    public sealed class ZFile
    {
        public ZCase[] Cases { get; init; } = [];
    }

    public sealed class ZCase
    {
        public long ReferenceSuccesses { get; init; }
        public long ReferenceTotal { get; init; }
        public long CurrentSuccesses { get; init; }
        public long CurrentTotal { get; init; }
        public double Z { get; init; }
        public double Pvalue { get; init; }
    }

    public sealed class MultipleFile
    {
        public MultipleCase[] Cases { get; init; } = [];
    }

    public sealed class MultipleCase
    {
        public double[] Pvalues { get; init; } = [];
        public double[] Bonferroni { get; init; } = [];
        public double[] BenjaminiHochberg { get; init; } = [];
    }

    public sealed class IntervalFile
    {
        public IntervalCase[] Cases { get; init; } = [];
    }

    public sealed class IntervalCase
    {
        public long Successes { get; init; }
        public long Trials { get; init; }
        public double Confidence { get; init; }
        public double Z { get; init; }
        public double[] Wilson { get; init; } = [];
        public double[] Wald { get; init; } = [];
    }
}
