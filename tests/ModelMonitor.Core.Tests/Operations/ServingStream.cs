using ModelMonitor.Core.Events;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Operations;

/// <summary>One version's part of an hour's traffic in a <see cref="ServingStream"/>.</summary>
internal sealed record VersionShare(string Version, double Share, double LatencyFactor = 1.0, double ErrorRate = 0.01, double CpuFactor = 1.0);

/// <summary>
/// Seeded synthetic serving traffic of one model, built into hourly summaries through the real
/// <see cref="WindowSummary.Add"/>: a daily cycle (nights at 15% of the afternoon peak), an optional weekly cycle
/// (Saturday 60%, Sunday 55%), a slow trend, multiplicative hour-to-hour noise on top of Poisson counts, holidays
/// (35% of the usual day), odd hours, a level per day, a silence, and versions with their own latency and error rate.
/// Latency is lognormal (median 40 ms), CPU normal (8 ± 1.5 ms), memory normal (512 ± 16 MB); errors have status "500".
/// </summary>
internal sealed record ServingStream
{
    public static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Start { get; init; } = Monday;

    public int Days { get; init; } = 15;

    public double PeakPerHour { get; init; } = 600;

    public bool WeeklyCycle { get; init; } = true;

    public double TrendPerDay { get; init; } = 0.003;

    public double Noise { get; init; } = 0.04;

    public IReadOnlySet<int> Holidays { get; init; } = new HashSet<int>();

    /// <summary>Hour index (from the start) → factor.</summary>
    public IReadOnlyDictionary<int, double> OddHours { get; init; } = new Dictionary<int, double>();

    /// <summary>Day index → level factor (e.g. a lasting drop).</summary>
    public Func<int, double> DayLevel { get; init; } = _ => 1.0;

    /// <summary>Hour index from which the model sends nothing.</summary>
    public int? SilentFromHour { get; init; }

    /// <summary>Hour index → versions serving it.</summary>
    public Func<int, IReadOnlyList<VersionShare>> Versions { get; init; } = _ => [new VersionShare("1", 1.0)];

    public int Seed { get; init; } = 13;

    public DateTimeOffset HourStart(int hourIndex) => Start.AddHours(hourIndex);

    public DateTimeOffset DayStart(int day) => Start.AddDays(day);

    public ServingHistory Build()
    {
        var random = new Random(Seed);
        var summaries = new List<WindowSummary>();
        for (var index = 0; index < Days * 24; index++)
        {
            if (index >= SilentFromHour)
            {
                continue;
            }

            var start = HourStart(index);
            double rate = Rate(index) * Math.Exp(Noise * Gaussian(random));
            foreach (var share in Versions(index))
            {
                double lambda = rate * share.Share;
                long n = Math.Max(0, (long)Math.Round(lambda + (Math.Sqrt(lambda) * Gaussian(random))));
                if (n == 0)
                {
                    continue;
                }

                var summary = new WindowSummary("m", share.Version, start, start.AddHours(1));
                for (var i = 0; i < n; i++)
                {
                    summary.Add(new MonitoringEvent
                    {
                        Kind = EventKind.Prediction,
                        EventId = "e",
                        ModelId = "m",
                        ModelVersion = share.Version,
                        Timestamp = start,
                        LatencyMs = 40 * share.LatencyFactor * Math.Exp(0.35 * Gaussian(random)),
                        CpuMs = share.CpuFactor * (8 + (1.5 * Gaussian(random))),
                        MemoryMb = 512 + (16 * Gaussian(random)),
                        Status = random.NextDouble() < share.ErrorRate ? "500" : "ok",
                    });
                }

                summaries.Add(summary);
            }
        }

        return new ServingHistory("m", Start, summaries);
    }

    /// <summary>The expected requests of an hour (before noise).</summary>
    public double Rate(int hourIndex)
    {
        int day = hourIndex / 24;
        int hourOfDay = hourIndex % 24;
        double daily = hourOfDay is >= 6 and <= 22 ? 0.15 + (0.85 * Math.Sin(Math.PI * (hourOfDay - 6) / 16.0)) : 0.15;
        var weekday = DayStart(day).DayOfWeek;
        double weekly = !WeeklyCycle ? 1.0 : weekday switch
        {
            DayOfWeek.Saturday => 0.60,
            DayOfWeek.Sunday => 0.55,
            _ => 1.0,
        };
        double holiday = Holidays.Contains(day) ? 0.35 : 1.0;
        double odd = OddHours.TryGetValue(hourIndex, out var f) ? f : 1.0;
        return PeakPerHour * Math.Max(daily, 0.15) * weekly * holiday * odd * DayLevel(day) * (1 + (TrendPerDay * day));
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        double u = 1.0 - random.NextDouble();
        double v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
