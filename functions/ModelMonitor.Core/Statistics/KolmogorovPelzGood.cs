namespace ModelMonitor.Core.Statistics;

/// <summary>
/// Pelz &amp; Good (1976) approximation of P(D_n ≤ x): the Li-Chien/Korolyuk expansion
/// K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^{3/2} with z = x√n, each term rewritten through Jacobi theta identities so it
/// converges fast for small z. Used for large n in the body of the distribution.
/// </summary>
internal static class KolmogorovPelzGood
{
    private const double MinLog = -708;
    private static readonly double SqrtTwoPi = Math.Sqrt(2 * Math.PI);
    private static readonly double Sqrt3 = Math.Sqrt(3);
    private static readonly double PiSquared = Math.PI * Math.PI;
    private static readonly double PiFour = PiSquared * PiSquared;
    private static readonly double PiSix = PiFour * PiSquared;

    public static double Cdf(long n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        double z = Math.Sqrt(n) * x;
        double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2;
        double qLog = -PiSquared / 8 / z2;
        if (qLog < MinLog)
        {
            return 0.0;
        }

        double q = Math.Exp(qLog);

        // Coefficients of the sums over odd m = 2k − 1 for K₁, K₂ and K₃.
        double k1a = -z2, k1b = PiSquared / 4;
        double k2a = (6 * z6) + (2 * z4), k2b = ((2 * z4) - (5 * z2)) * PiSquared / 4, k2c = PiFour * (1 - (2 * z2)) / 16;
        double k3d = PiSix * (5 - (30 * z2)) / 64;
        double k3c = PiFour * ((-60 * z2) + (212 * z4)) / 16;
        double k3b = PiSquared * ((135 * z4) - (96 * z6)) / 4;
        double k3a = (-30 * z6) - (90 * Math.Pow(z, 8));

        // Horner scheme in q^(8k) over k = maxK … 1 for Σ c_m q^(m²).
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (int k = maxK; k > 0; k--)
        {
            double m = (2 * k) - 1;
            double m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
            double qPower = Math.Pow(q, 8 * k);
            s0 = (s0 * qPower) + 1.0;
            s1 = (s1 * qPower) + k1a + (k1b * m2);
            s2 = (s2 * qPower) + k2a + (k2b * m2) + (k2c * m4);
            s3 = (s3 * qPower) + k3a + (k3b * m2) + (k3c * m4) + (k3d * m6);
        }

        double scale = q * SqrtTwoPi;
        s0 = s0 * scale / z;
        s1 = s1 * scale / (6 * z4);
        s2 = s2 * scale / (72 * Math.Pow(z, 7));
        s3 = s3 * scale / (6480 * Math.Pow(z, 10));

        // The remaining sums run over all integers k with q' = exp(−π²/(2z²)).
        double qAll = Math.Exp(-PiSquared / 2 / z2);
        double sqrt3z = Sqrt3 * z;
        double extra2 = 0, extra3 = 0;
        for (int k = maxK; k > 0; k--)
        {
            double kSquared = (double)k * k;
            double kPi = Math.PI * k;
            double qk = Math.Pow(qAll, kSquared);
            extra2 += kSquared * qk;
            extra3 += (sqrt3z + kPi) * (sqrt3z - kPi) * kSquared * qk;
        }

        s2 += extra2 * PiSquared * SqrtTwoPi / (-36 * z3);
        s3 += extra3 * PiSquared * SqrtTwoPi / (216 * z6);

        double sqrtN = Math.Sqrt(n);
        return s0 + (s1 / sqrtN) + (s2 / n) + (s3 / (n * sqrtN));
    }
}
