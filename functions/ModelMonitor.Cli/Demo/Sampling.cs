namespace ModelMonitor.Cli.Demo;

/// <summary>Draws from the distributions the simulators need. All randomness comes from the caller's seeded <see cref="Random"/>.</summary>
internal static class Sampling
{
    public static double Normal(this Random random, double mean, double stdDev)
    {
        // Box–Muller; 1 − NextDouble() is in (0, 1], so the logarithm is finite.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + (stdDev * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    public static double LogNormal(this Random random, double mu, double sigma) => Math.Exp(random.Normal(mu, sigma));

    public static double Exponential(this Random random, double mean) => -mean * Math.Log(1.0 - random.NextDouble());

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>Poisson: exact (Knuth) for small means, a rounded normal approximation above 30.</summary>
    public static int Poisson(this Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(random.Normal(mean, Math.Sqrt(mean))));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
