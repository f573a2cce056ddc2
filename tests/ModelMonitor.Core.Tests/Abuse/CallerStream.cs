using ModelMonitor.Core.Events;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Abuse;

/// <summary>
/// Seeded synthetic traffic of one model by caller, built into hourly summaries through the real
/// <see cref="WindowSummary.Add"/>: <see cref="Callers"/> ordinary callers whose peaks are spread over ±30% around
/// <see cref="PeakPerCaller"/>, a daily cycle (nights at 15% of the afternoon peak), a weekly cycle (weekends at 60%),
/// 10% multiplicative noise per caller and hour on top of Poisson counts, an optional legitimately large caller, events
/// without a caller, and callers that start or change at a given hour.
/// </summary>
internal sealed record CallerStream
{
    public static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public int Days { get; init; } = 15;

    public int Callers { get; init; } = 20;

    public double PeakPerCaller { get; init; } = 100;

    /// <summary>Peak of an extra caller "partner" that is always large (0: none).</summary>
    public double LargeCallerPeak { get; init; }

    /// <summary>Events without a caller per hour, as a multiple of one ordinary caller's.</summary>
    public double AnonymousFactor { get; init; } = 2.0;

    /// <summary>Caller id → (first hour index, factor over <see cref="PeakPerCaller"/> from then on); a new id is a new caller.</summary>
    public IReadOnlyDictionary<string, (int FromHour, double Factor)> Changes { get; init; } = new Dictionary<string, (int, double)>();

    public int Seed { get; init; } = 7;

    public static string Ordinary(int i) => $"caller-{i:00}";

    public DateTimeOffset HourStart(int hourIndex) => Monday.AddHours(hourIndex);

    public ServingHistory Build()
    {
        var random = new Random(Seed);
        var peaks = Enumerable.Range(0, Callers).ToDictionary(Ordinary, _ => PeakPerCaller * (0.7 + (0.6 * random.NextDouble())), StringComparer.Ordinal);
        if (LargeCallerPeak > 0)
        {
            peaks["partner"] = LargeCallerPeak;
        }

        var summaries = new List<WindowSummary>();
        for (var index = 0; index < Days * 24; index++)
        {
            var start = HourStart(index);
            double cycle = Cycle(index);
            var summary = new WindowSummary("m", "1", start, start.AddHours(1));
            foreach (var (caller, peak) in peaks)
            {
                double level = Changes.TryGetValue(caller, out var change) && index >= change.FromHour ? change.Factor * PeakPerCaller : peak;
                AddEvents(summary, random, caller, level * cycle, start);
            }

            foreach (var (caller, change) in Changes.Where(c => !peaks.ContainsKey(c.Key)))
            {
                if (index >= change.FromHour)
                {
                    AddEvents(summary, random, caller, change.Factor * PeakPerCaller * cycle, start);
                }
            }

            AddEvents(summary, random, null, AnonymousFactor * PeakPerCaller * cycle, start);
            summaries.Add(summary);
        }

        return new ServingHistory("m", Monday, summaries);
    }

    private static void AddEvents(WindowSummary summary, Random random, string? caller, double expected, DateTimeOffset start)
    {
        double lambda = expected * Math.Exp(0.1 * Gaussian(random));
        long n = Math.Max(0, (long)Math.Round(lambda + (Math.Sqrt(lambda) * Gaussian(random))));
        for (var i = 0; i < n; i++)
        {
            summary.Add(new MonitoringEvent
            {
                Kind = EventKind.Prediction,
                EventId = "e",
                ModelId = "m",
                ModelVersion = "1",
                Timestamp = start,
                CallerId = caller,
                Status = "ok",
            });
        }
    }

    private double Cycle(int hourIndex)
    {
        int hourOfDay = hourIndex % 24;
        double daily = hourOfDay is >= 6 and <= 22 ? 0.15 + (0.85 * Math.Sin(Math.PI * (hourOfDay - 6) / 16.0)) : 0.15;
        var weekday = Monday.AddHours(hourIndex).DayOfWeek;
        return Math.Max(daily, 0.15) * (weekday is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.6 : 1.0);
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        double u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * random.NextDouble());
    }
}
