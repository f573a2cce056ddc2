using ModelMonitor.Core.Events;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Abuse;

/// <summary>
/// Seeded hourly traffic with features, through the real <see cref="WindowSummary.Add"/>: ordinary callers send diverse
/// inputs (a lognormal amount, a small count, a category; one in ten a retry of one of their last inputs); from
/// <see cref="AbuseFromHour"/> on, "replayer" sends one fixed input over and over and "perturber" one base input with
/// every number jittered by a relative 1e-4, both at an ordinary caller's volume. Events without a caller come too.
/// </summary>
internal sealed record InputStream
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public int Hours { get; init; } = 8;

    public int Callers { get; init; } = 15;

    public int PerCallerHour { get; init; } = 150;

    /// <summary>First hour of the replayer and the perturber; beyond <see cref="Hours"/>: none.</summary>
    public int AbuseFromHour { get; init; } = int.MaxValue;

    public int Seed { get; init; } = 11;

    private static readonly string[] Names = ["amount", "items", "country"];
    private static readonly string[] Countries = ["de", "fr", "es", "it", "nl"];

    public DateTimeOffset HourStart(int hour) => Start.AddHours(hour);

    public ServingHistory Build()
    {
        var random = new Random(Seed);
        var recent = new Dictionary<string, Queue<Feature[]>>(StringComparer.Ordinal);
        var summaries = new List<WindowSummary>();
        var fixedInput = Input(random);
        var baseInput = Input(random);
        for (var hour = 0; hour < Hours; hour++)
        {
            var start = HourStart(hour);
            var summary = new WindowSummary("m", "1", start, start.AddHours(1));
            for (var n = 0; n < PerCallerHour; n++)
            {
                for (var c = 0; c < Callers; c++)
                {
                    var caller = $"caller-{c:00}";
                    var history = recent.TryGetValue(caller, out var q) ? q : recent[caller] = new Queue<Feature[]>();
                    var input = history.Count > 0 && random.NextDouble() < 0.1 ? history.ElementAt(random.Next(history.Count)) : Input(random);
                    history.Enqueue(input);
                    if (history.Count > 5)
                    {
                        history.Dequeue();
                    }

                    summary.Add(Event(start, caller, input));
                }

                if (hour >= AbuseFromHour)
                {
                    summary.Add(Event(start, "replayer", fixedInput));
                    summary.Add(Event(start, "perturber", [.. baseInput.Select(f => f.Value.Kind == ValueKind.Number ? new Feature(f.Name, FieldValue.FromNumber(f.Value.Number * (1 + (1e-4 * (random.NextDouble() - 0.5))))) : f)]));
                }

                summary.Add(Event(start, null, Input(random)));
            }

            summaries.Add(summary);
        }

        return new ServingHistory("m", Start, summaries);
    }

    private static Feature[] Input(Random random) =>
    [
        new(Names[0], FieldValue.FromNumber(Math.Round(Math.Exp(3 + (1.5 * Gaussian(random))), 2))),
        new(Names[1], FieldValue.FromNumber(random.Next(1, 6))),
        new(Names[2], FieldValue.FromString(Countries[random.Next(Countries.Length)])),
    ];

    private static MonitoringEvent Event(DateTimeOffset start, string? caller, Feature[] features) => new()
    {
        Kind = EventKind.Prediction,
        EventId = "e",
        ModelId = "m",
        ModelVersion = "1",
        Timestamp = start,
        CallerId = caller,
        Features = features,
        Status = "ok",
    };

    private static double Gaussian(Random random)
    {
        double u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * random.NextDouble());
    }
}
