using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Tests.Summaries;

internal static class SummaryTestData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A varied, deterministic stream: numbers with NaN/Inf and nulls, categories, booleans, mixed types, outcomes.</summary>
    public static List<MonitoringEvent> Events(int count, int seed)
    {
        var random = new Random(seed);
        var events = new List<MonitoringEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var amount = roll < 0.02 ? FieldValue.FromNumber(double.NaN)
                : roll < 0.03 ? FieldValue.FromNumber(double.PositiveInfinity)
                : roll < 0.08 ? FieldValue.Null
                : FieldValue.FromNumber(Math.Round(random.NextDouble() * 1000, 2));
            var features = new List<Feature>
            {
                new("amount", amount),
                new("country", FieldValue.FromString(((char)('A' + random.Next(6))).ToString())),
                new("vip", FieldValue.FromBoolean(random.Next(4) == 0)),
                new("mixed", random.Next(2) == 0 ? FieldValue.FromNumber(random.Next(10)) : FieldValue.FromString("n/a")),
            };
            if (random.Next(3) == 0)
            {
                features.Add(new Feature("sometimes", FieldValue.FromNumber(random.NextDouble())));
            }

            var outcome = random.Next(5) == 0;
            var score = random.NextDouble();
            events.Add(new MonitoringEvent
            {
                Kind = outcome ? EventKind.Outcome : EventKind.Prediction,
                EventId = $"e{i}",
                ModelId = "fraud",
                ModelVersion = "1",
                Timestamp = Start.AddSeconds(i % 300),
                CallerId = $"caller-{random.Next(20)}",
                Features = features,
                Prediction = FieldValue.FromNumber(score),
                PredictedLabel = score >= 0.5 ? "fraud" : "ok",
                Label = outcome ? FieldValue.FromNumber(random.Next(2)) : FieldValue.Null,
                LatencyMs = 5 + random.NextDouble() * 20,
                Status = random.Next(50) == 0 ? "error" : "ok",
                Items = random.Next(4) == 0 ? ["sku1", $"sku{random.Next(30)}"] : [],
                ClickedItems = outcome && random.Next(3) == 0 ? ["sku1"] : [],
            });
        }

        return events;
    }
}
