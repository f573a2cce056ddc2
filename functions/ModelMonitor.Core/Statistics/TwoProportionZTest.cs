namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Pooled two-sided z-test for the difference of two proportions (e.g. the positive rate of a binary feature), as
/// <c>statsmodels.stats.proportion.proportions_ztest([current, reference], [nCurrent, nReference])</c>:
/// z = (p_c − p_r) / √(p̂(1 − p̂)(1/n_r + 1/n_c)) with the pooled p̂.
/// </summary>
/// <remarks>
/// Degenerate cases return z = 0, p = 1 (statsmodels yields NaN or raises): an empty side, or a pooled proportion of
/// 0 or 1 (both windows all negatives or all positives, so there is no variance and no evidence of a difference).
/// </remarks>
public static class TwoProportionZTest
{
    public static ZTestResult Compute(long referenceSuccesses, long referenceTotal, long currentSuccesses, long currentTotal)
    {
        RequireCounts(referenceSuccesses, referenceTotal, nameof(referenceSuccesses));
        RequireCounts(currentSuccesses, currentTotal, nameof(currentSuccesses));
        var degenerate = new ZTestResult(0.0, 1.0);
        if (referenceTotal == 0 || currentTotal == 0)
        {
            return degenerate;
        }

        double pooled = (double)(referenceSuccesses + currentSuccesses) / (referenceTotal + currentTotal);
        if (pooled <= 0.0 || pooled >= 1.0)
        {
            return degenerate;
        }

        double difference = ((double)currentSuccesses / currentTotal) - ((double)referenceSuccesses / referenceTotal);
        double standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / referenceTotal) + (1.0 / currentTotal)));
        double z = difference / standardError;
        return new ZTestResult(z, StandardNormal.TwoSidedPValue(z));
    }

    private static void RequireCounts(long successes, long total, string paramName)
    {
        if (total < 0 || successes < 0 || successes > total)
        {
            throw new ArgumentOutOfRangeException(paramName, successes, $"Need 0 ≤ successes ≤ total (total = {total}).");
        }
    }
}
