using System.Numerics;
using System.Runtime.InteropServices;

namespace ModelMonitor.Core.Statistics;

/// <summary>
/// P(D_n ≤ d) by Durbin's matrix method as arranged by Marsaglia, Tsang &amp; Wang (2003), "Evaluating Kolmogorov's
/// distribution": the (k, k) entry of Hⁿ times n!/nⁿ, with H of order 2k − 1 where k = ⌈n·d⌉.
/// </summary>
/// <remarks>
/// Only used where k is small (k ≤ ~60 given the callers' cut-offs), so the O(k³ log n) matrix powers are cheap.
/// Powers of two rescale intermediate values so nothing overflows; the exponent is restored at the end.
/// </remarks>
internal static class KolmogorovDurbin
{
    private const int ScaleExponent = 128;
    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    public static double Cdf(long n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        double nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        int k = (int)Math.Ceiling(nd);
        double h = k - nd;
        int m = (2 * k) - 1;

        // Rows padded with zeros to a whole number of SIMD vectors; the padding stays zero under multiplication.
        int stride = (m + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;
        double[] matrix = BuildMatrix(m, stride, h);
        double[] power = new double[m * stride];
        double[] scratch = new double[m * stride];
        for (int i = 0; i < m; i++)
        {
            power[(i * stride) + i] = 1.0;
        }

        int exponent = 0, matrixExponent = 0;
        int centre = ((k - 1) * stride) + (k - 1);
        for (long remaining = n; remaining > 0;)
        {
            if ((remaining & 1) == 1)
            {
                Multiply(power, matrix, scratch, m, stride);
                (power, scratch) = (scratch, power);
                exponent += matrixExponent;
            }

            remaining >>= 1;
            if (remaining == 0)
            {
                break;
            }

            Multiply(matrix, matrix, scratch, m, stride);
            (matrix, scratch) = (scratch, matrix);
            matrixExponent *= 2;
            if (Math.Abs(matrix[centre]) > Big)
            {
                for (int i = 0; i < matrix.Length; i++)
                {
                    matrix[i] *= Small;
                }

                matrixExponent += ScaleExponent;
            }
        }

        double p = power[centre];
        for (long i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Small)
            {
                p *= Big;
                exponent -= ScaleExponent;
            }
        }

        if (exponent != 0)
        {
            p = Math.ScaleB(p, exponent);
        }

        return Math.Clamp(p, 0.0, 1.0);
    }

    private static double[] BuildMatrix(int m, int stride, double h)
    {
        // v[j] = (1 − h^(j+1)) / (j+1)!, w[j] = 1/j!; the corner entry gets the (2h − 1)⁺ᵐ correction.
        var v = new double[m];
        var w = new double[m];
        double factorialInverse = 1.0;
        for (int j = 1; j <= m; j++)
        {
            w[j - 1] = factorialInverse;
            factorialInverse /= j;
            v[j - 1] = (1.0 - Math.Pow(h, j)) * factorialInverse;
        }

        double corner = Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m));
        v[m - 1] = (1.0 + corner) * factorialInverse;

        var matrix = new double[m * stride];
        for (int col = 1; col < m; col++)
        {
            for (int row = col - 1; row < m; row++)
            {
                matrix[(row * stride) + col] = w[row - (col - 1)];
            }
        }

        for (int row = 0; row < m; row++)
        {
            matrix[row * stride] = v[row];
        }

        for (int col = 0; col < m; col++)
        {
            matrix[((m - 1) * stride) + col] = v[m - 1 - col];
        }

        return matrix;
    }

    /// <summary>c = a·b for m×m matrices stored row-major with a padded stride (i-k-j order: contiguous SIMD inner loop).</summary>
    private static void Multiply(double[] a, double[] b, double[] c, int m, int stride)
    {
        Array.Clear(c);
        for (int i = 0; i < m; i++)
        {
            Span<Vector<double>> rowC = MemoryMarshal.Cast<double, Vector<double>>(c.AsSpan(i * stride, stride));
            for (int k = 0; k < m; k++)
            {
                double aik = a[(i * stride) + k];
                if (aik == 0.0)
                {
                    continue;
                }

                ReadOnlySpan<Vector<double>> rowB = MemoryMarshal.Cast<double, Vector<double>>(b.AsSpan(k * stride, stride));
                var factor = new Vector<double>(aik);
                for (int j = 0; j < rowC.Length; j++)
                {
                    rowC[j] += factor * rowB[j];
                }
            }
        }
    }
}
