namespace ModelMonitor.Core.Tests.Sketches;

/// <summary>Reproducible synthetic columns for sketch tests (seeded, so a failure can be replayed).</summary>
internal static class SketchData
{
    public static double[] Uniform(int n, int seed)
    {
        var random = new Random(seed);
        return Fill(n, _ => random.NextDouble());
    }

    public static double[] Normal(int n, int seed)
    {
        var random = new Random(seed);
        return Fill(n, _ => StandardNormal(random));
    }

    /// <summary>Heavy right tail: exp of a normal with σ = 2, so the largest values are ~10^4 times the median.</summary>
    public static double[] LogNormal(int n, int seed)
    {
        var random = new Random(seed);
        return Fill(n, _ => Math.Exp(2.0 * StandardNormal(random)));
    }

    /// <summary>Only five distinct values, with unequal frequencies.</summary>
    public static double[] FiveValues(int n, int seed)
    {
        var random = new Random(seed);
        double[] values = [-1.5, 0.0, 2.0, 7.25, 100.0];
        return Fill(n, _ => values[Math.Min(random.Next(8), 4)]);
    }

    public static double[] Ascending(int n) => Fill(n, i => i * 0.5);

    public static double[] Descending(int n) => Fill(n, i => (n - i) * 0.5);

    public static double[] Constant(int n) => Fill(n, _ => 42.0);

    /// <summary>One of the column shapes above, chosen by <paramref name="kind"/> modulo their number.</summary>
    public static double[] OfKind(int kind, int n, int seed) => (kind % 5) switch
    {
        0 => Uniform(n, seed),
        1 => Normal(n, seed),
        2 => LogNormal(n, seed),
        3 => FiveValues(n, seed),
        _ => Ascending(n),
    };

    /// <summary>Cuts <paramref name="data"/> into <paramref name="parts"/> contiguous pieces at random points (some may be empty).</summary>
    public static List<double[]> Split(double[] data, int parts, Random random)
    {
        var cuts = Enumerable.Range(0, parts - 1).Select(_ => random.Next(data.Length + 1)).Order().ToList();
        cuts.Insert(0, 0);
        cuts.Add(data.Length);
        return Enumerable.Range(0, parts).Select(p => data[cuts[p]..cuts[p + 1]]).ToList();
    }

    private static double StandardNormal(Random random)
    {
        // Box–Muller; 1 - u keeps the logarithm finite.
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static double[] Fill(int n, Func<int, double> value)
    {
        var data = new double[n];
        for (int i = 0; i < n; i++)
        {
            data[i] = value(i);
        }

        return data;
    }
}
