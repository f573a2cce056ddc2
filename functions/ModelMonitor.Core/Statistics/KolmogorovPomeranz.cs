namespace ModelMonitor.Core.Statistics;

/// <summary>
/// P(D_n ≤ x) by the Pomeranz (1974) recursion (ACM Algorithm 487), in the band-limited form of Simard &amp; L'Ecuyer
/// (2011): 2n + 1 convolutions of a short row with truncated Poisson-like weights; the answer is n! times the last entry.
/// </summary>
/// <remarks>Used only for n ≤ 140 and 0.754693 &lt; n·x² ≤ 4, where the rows are at most ~2(√(4n) + 1) long.</remarks>
internal static class KolmogorovPomeranz
{
    private const int ScaleExponent = 128;
    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    public static double Cdf(long nLong, double x)
    {
        int n = checked((int)nLong);
        double t = n * x;
        int ll = (int)Math.Floor(t);
        double f = t - ll;
        double g = Math.Min(f, 1.0 - f);
        int ceilF = f > 0 ? 1 : 0;
        int roundF = f > 0.5 ? 1 : 0;
        int length = 2 * (ll + 1);

        // (c/n)^k / k! for the three interval widths that occur: g, 2g and 1 − 2g.
        var gPower = new double[length];
        var twoGPower = new double[length];
        var oneMinusTwoGPower = new double[length];
        gPower[0] = twoGPower[0] = oneMinusTwoGPower[0] = 1.0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - (2 * g)) / n;
        for (int k = 1; k < length; k++)
        {
            gPower[k] = gPower[k - 1] * gOverN / k;
            twoGPower[k] = twoGPower[k - 1] * twoGOverN / k;
            oneMinusTwoGPower[k] = oneMinusTwoGPower[k - 1] * oneMinusTwoGOverN / k;
        }

        // Two rows suffice; each stores only its non-zero window, whose first column index is previousStart/currentStart.
        var previous = new double[length];
        var current = new double[length];
        current[0] = 1.0;
        int previousStart = 0, currentStart = 0, exponent = 0;
        (int j1, int j2) = Window(0, n, ll, ceilF, roundF);
        for (int i = 1; i < (2 * n) + 2; i++)
        {
            int k1 = j1;
            (previous, current) = (current, previous);
            (previousStart, currentStart) = (currentStart, previousStart);
            Array.Clear(current);
            (j1, j2) = Window(i, n, ll, ceilF, roundF);
            double[] weights = i == 1 || i == (2 * n) + 1 ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower);
            int span = j2 - k1 + 1;
            if (span <= 0)
            {
                continue;
            }

            int segmentStart = k1 - previousStart;
            int segmentLength = Math.Min(span, length - segmentStart);
            int weightLength = Math.Min(span, length);
            int outputStart = j1 - k1;
            int outputLength = j2 - j1 + 1;
            double max = 0.0;
            for (int q = 0; q < outputLength; q++)
            {
                // Entry (outputStart + q) of the full convolution of the previous row's segment with the weights.
                int index = outputStart + q;
                int lo = Math.Max(0, index - (weightLength - 1));
                int hi = Math.Min(segmentLength - 1, index);
                double sum = 0.0;
                for (int a = lo; a <= hi; a++)
                {
                    sum += previous[segmentStart + a] * weights[index - a];
                }

                current[q] = sum;
                max = Math.Max(max, sum);
            }

            if (max > 0 && max < Small)
            {
                for (int q = 0; q < current.Length; q++)
                {
                    current[q] *= Big;
                }

                exponent -= ScaleExponent;
            }

            currentStart = previousStart + j1 - k1;
        }

        double answer = current[n - currentStart];
        for (int k = 1; k <= n; k++)
        {
            if (Math.Abs(answer) > Big)
            {
                answer *= Small;
                exponent += ScaleExponent;
            }

            answer *= k;
        }

        if (exponent != 0)
        {
            answer = Math.ScaleB(answer, exponent);
        }

        return Math.Clamp(answer, 0.0, 1.0);
    }

    /// <summary>Columns [j1, j2] of row i that can be non-zero.</summary>
    private static (int J1, int J2) Window(int i, int n, int ll, int ceilF, int roundF)
    {
        int j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilF - 1;
            j2 = ll + ceilF - 1;
        }
        else
        {
            int half = (i + 1) / 2;
            if ((i + 1) % 2 == 0)
            {
                if (half == n + 1)
                {
                    j1 = n - ll - ceilF - 1;
                    j2 = n + ll + ceilF - 1;
                }
                else
                {
                    j1 = half - 1 - ll - roundF - 1;
                    j2 = half + ll - 1 + ceilF - 1;
                }
            }
            else
            {
                j1 = half - 1 - ll - 1;
                j2 = half + ll + roundF - 1;
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }
}
