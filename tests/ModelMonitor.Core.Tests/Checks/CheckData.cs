using System.Text.Json;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Checks;

/// <summary>Seeded synthetic columns and hand-made events for the check tests.</summary>
internal static class CheckData
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static double[] Normal(int n, int seed, double mean = 0, double sd = 1)
    {
        var random = new Random(seed);
        return Fill(n, () => mean + (sd * StandardNormal(random)));
    }

    public static double[] Uniform(int n, int seed, double low = 0, double high = 1)
    {
        var random = new Random(seed);
        return Fill(n, () => low + ((high - low) * random.NextDouble()));
    }

    public static double[] LogNormal(int n, int seed, double mu = 0, double sigma = 1)
    {
        var random = new Random(seed);
        return Fill(n, () => Math.Exp(mu + (sigma * StandardNormal(random))));
    }

    /// <summary>Integers 0…values−1 with weights ∝ weights[i]: heavily tied data.</summary>
    public static double[] Integers(int n, int seed, params double[] weights)
    {
        var random = new Random(seed);
        double total = weights.Sum();
        return Fill(n, () =>
        {
            double u = random.NextDouble() * total;
            for (int i = 0; i < weights.Length; i++)
            {
                u -= weights[i];
                if (u < 0)
                {
                    return i;
                }
            }

            return weights.Length - 1;
        });
    }

    public static string?[] Categories(int n, int seed, string[] names, double[] weights)
    {
        double[] indices = Integers(n, seed, weights);
        return [.. indices.Select(i => (string?)names[(int)i])];
    }

    public static WindowSummary Summary(params Column[] columns) => SummaryBuilder.FromColumns(columns, "m", "1", Start, Start.AddHours(1));

    public static WindowSummary Window(DateTimeOffset? start = null) =>
        new("m", "1", start ?? Start, (start ?? Start).AddHours(1));

    public static MonitoringEvent Prediction(FieldValue prediction, IReadOnlyList<Feature>? features = null, IReadOnlyList<string>? items = null) => new()
    {
        Kind = EventKind.Prediction,
        EventId = Guid.NewGuid().ToString(),
        ModelId = "m",
        ModelVersion = "1",
        Timestamp = Start,
        Prediction = prediction,
        Features = features ?? [],
        Items = items ?? [],
    };

    public static MonitoringEvent Outcome(FieldValue label, FieldValue prediction, string? predictedLabel = null, IReadOnlyList<string>? clicked = null) => new()
    {
        Kind = EventKind.Outcome,
        EventId = Guid.NewGuid().ToString(),
        ModelId = "m",
        ModelVersion = "1",
        Timestamp = Start,
        Label = label,
        Prediction = prediction,
        PredictedLabel = predictedLabel,
        ClickedItems = clicked ?? [],
    };

    /// <summary>Adds <paramref name="count"/> copies of an event.</summary>
    public static void Add(WindowSummary window, int count, Func<MonitoringEvent> make)
    {
        for (int i = 0; i < count; i++)
        {
            window.Add(make());
        }
    }

    /// <summary>Every number in a JSON document, so tests can assert none is NaN/∞ (and the writer did not fail).</summary>
    public static IEnumerable<double> Numbers(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var numbers = new List<double>();
        Collect(document.RootElement, numbers);
        return numbers;
    }

    private static void Collect(JsonElement element, List<double> numbers)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                numbers.Add(element.GetDouble());
                break;
            case JsonValueKind.Object:
                foreach (JsonProperty p in element.EnumerateObject())
                {
                    Collect(p.Value, numbers);
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement e in element.EnumerateArray())
                {
                    Collect(e, numbers);
                }

                break;
        }
    }

    private static double[] Fill(int n, Func<double> next)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = next();
        }

        return values;
    }

    private static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
