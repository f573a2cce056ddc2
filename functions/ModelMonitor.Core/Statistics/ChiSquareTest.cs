using MathNet.Numerics;

namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Pearson chi-square test of homogeneity for a 2×k table (reference counts vs current counts over the same
/// categories), without continuity correction: equal to <c>scipy.stats.chi2_contingency(table, correction=False)</c>
/// on the table after the documented clean-up.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Categories with zero count in both rows are dropped (SciPy would raise because an expected frequency is 0).
/// A zero in just one row is kept and is fine.</item>
/// <item>Degenerate tables — fewer than 2 non-empty categories, or an empty row (e.g. an empty current window) —
/// give statistic 0, dof 0, p-value 1: no evidence of a difference. SciPy returns the same for a single category
/// (its dof = 0 branch) but raises for an empty row or an all-zero table.</item>
/// <item>Counts may be fractional (e.g. estimates from a frequent-items sketch); they must be finite and ≥ 0.</item>
/// </list>
/// </remarks>
public static class ChiSquareTest
{
    public static ChiSquareResult Homogeneity(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts)
    {
        double referenceTotal = SampleValidation.RequireMasses(referenceCounts, referenceCounts.Length, nameof(referenceCounts));
        double currentTotal = SampleValidation.RequireMasses(currentCounts, referenceCounts.Length, nameof(currentCounts));
        var degenerate = new ChiSquareResult(0.0, 0, 1.0);
        if (referenceTotal <= 0 || currentTotal <= 0)
        {
            return degenerate;
        }

        double total = referenceTotal + currentTotal;
        double statistic = 0.0;
        int categories = 0;
        for (int i = 0; i < referenceCounts.Length; i++)
        {
            double column = referenceCounts[i] + currentCounts[i];
            if (column <= 0)
            {
                continue;
            }

            categories++;
            double expectedReference = referenceTotal * column / total;
            double expectedCurrent = currentTotal * column / total;
            double dr = referenceCounts[i] - expectedReference;
            double dc = currentCounts[i] - expectedCurrent;
            statistic += (dr * dr / expectedReference) + (dc * dc / expectedCurrent);
        }

        if (categories < 2)
        {
            return degenerate;
        }

        int dof = categories - 1;
        return new ChiSquareResult(statistic, dof, ChiSquareSurvival(statistic, dof));
    }

    /// <summary>P(χ²_dof ≥ x) = Q(dof/2, x/2), the regularized upper incomplete gamma function.</summary>
    internal static double ChiSquareSurvival(double x, int dof) =>
        x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(dof / 2.0, x / 2.0);
}
