using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Recommenders;

/// <summary>Daily summaries of a simulated recommender: Zipf popularity over a catalogue, ten items per response, clicks.</summary>
internal static class RecommenderDays
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="day">Days after <see cref="Start"/>.</param>
    /// <param name="requests">Responses that day.</param>
    /// <param name="catalogue">Items the model draws from that day (a narrowing loop shrinks it).</param>
    /// <param name="ctr">Probability that a shown item is clicked.</param>
    /// <param name="seed">Random stream; each day draws from its own.</param>
    public static WindowSummary Day(int day, int requests, int catalogue, double ctr, int seed)
    {
        var random = new Random(seed + (day * 7919));
        var cumulative = new double[catalogue];
        double sum = 0;
        for (int rank = 1; rank <= catalogue; rank++)
        {
            sum += 1.0 / Math.Pow(rank, 1.1);
            cumulative[rank - 1] = sum;
        }

        var start = Start.AddDays(day);
        var summary = new WindowSummary("recs", "1", start, start.AddDays(1));
        for (int i = 0; i < requests; i++)
        {
            var items = new string[10];
            for (int k = 0; k < items.Length; k++)
            {
                int index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
                items[k] = $"sku{(index < 0 ? ~index : index)}";
            }

            var at = start.AddSeconds(i * 86_400.0 / requests);
            summary.Add(new MonitoringEvent { Kind = EventKind.Prediction, EventId = $"p{day}-{i}", ModelId = "recs", ModelVersion = "1", Timestamp = at, Items = items });
            string[] clicked = [.. items.Where(_ => random.NextDouble() < ctr)];
            if (clicked.Length > 0)
            {
                summary.Add(new MonitoringEvent { Kind = EventKind.Outcome, EventId = $"p{day}-{i}", ModelId = "recs", ModelVersion = "1", Timestamp = at, ClickedItems = clicked });
            }
        }

        return summary;
    }
}
