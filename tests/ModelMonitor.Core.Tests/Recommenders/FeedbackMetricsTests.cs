using ModelMonitor.Core.Events;
using ModelMonitor.Core.Recommenders;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Recommenders;

public class FeedbackMetricsTests
{
    private static WindowSummary Shown(params string[][] responses)
    {
        var s = new WindowSummary("recs", "1", RecommenderDays.Start, RecommenderDays.Start.AddHours(1));
        int i = 0;
        foreach (var items in responses)
        {
            s.Add(new MonitoringEvent { Kind = EventKind.Prediction, EventId = $"e{i++}", ModelId = "recs", ModelVersion = "1", Timestamp = RecommenderDays.Start, Items = items });
        }

        return s;
    }

    [Fact]
    public void Of_SmallExactCatalogue_ComputesEveryMetricExactly()
    {
        // Counts: a×6, b×2, c×1, d×1 → 10 impressions, 4 distinct items; head = ceil(0.2 × 4) = 1 item (a).
        var s = Shown(["a", "a", "b"], ["a", "a", "c"], ["a", "a", "b", "d"]);
        s.Add(new MonitoringEvent { Kind = EventKind.Outcome, EventId = "e0", ModelId = "recs", ModelVersion = "1", Timestamp = RecommenderDays.Start, ClickedItems = ["a", "d"] });

        var m = FeedbackMetrics.Of(s);

        Assert.True(m.IsExact);
        Assert.Equal(10, m.Impressions);
        Assert.Equal(4, m.DistinctItems);
        Assert.Equal(0.2, m.ClickThroughRate!.Value, 12);
        Assert.Equal(0.4, m.AggregateDiversity!.Value, 12);
        Assert.Equal(0.4, m.LongTailCoverage!.Value, 12);
        // Gini of [1, 1, 2, 6]: Σ(2i − n − 1)x / (n Σx) = (−3·1 − 1·1 + 1·2 + 3·6) / (4 · 10) = 0.4.
        Assert.Equal(0.4, m.Gini!.Value, 12);
        Assert.Equal(1.0 / 6, m.HeadHitRate!.Value, 12);
        Assert.Equal(1.0 / 4, m.TailHitRate!.Value, 12);
    }

    [Fact]
    public void Of_EquallyPopularItems_HasZeroGini()
    {
        var m = FeedbackMetrics.Of(Shown(["a", "b", "c", "d", "e"]));

        Assert.Equal(0.0, m.Gini!.Value, 12);
        Assert.Equal(0.8, m.LongTailCoverage!.Value, 12);
    }

    [Fact]
    public void Of_NoImpressions_HasNoRates()
    {
        var m = FeedbackMetrics.Of(new WindowSummary("fraud", "1", RecommenderDays.Start, RecommenderDays.Start.AddHours(1)));

        Assert.Null(m.ClickThroughRate);
        Assert.Null(m.AggregateDiversity);
        Assert.Null(m.LongTailCoverage);
    }

    [Fact]
    public void Of_RealisticCatalogue_IsExact()
    {
        // 2,000 Zipf items: within the counter's capacity, so every metric is exact.
        var day = RecommenderDays.Day(0, requests: 20_000, catalogue: 2_000, ctr: 0.05, seed: 1);
        var truth = Truth();

        var m = FeedbackMetrics.Of(day);

        Assert.True(m.IsExact);
        Assert.Equal(truth.Distinct, m.DistinctItems);
        Assert.Equal(truth.LongTail, m.LongTailCoverage!.Value, 12);
        Assert.Equal(truth.Gini, m.Gini!.Value, 12);
    }

    [Fact]
    public void Serializer_RoundTripsTheDistinctItemCount()
    {
        var day = RecommenderDays.Day(0, requests: 2_000, catalogue: 2_000, ctr: 0.05, seed: 2);

        var copy = Core.Summaries.Serialization.WindowSummarySerializer.Deserialize(Core.Summaries.Serialization.WindowSummarySerializer.Serialize(day));

        Assert.Equal(day.DistinctRecommendedItems.Estimate(), copy.DistinctRecommendedItems.Estimate());
    }

    // The exact metrics of RecommenderDays.Day(0, 20_000, 2_000, 0.05, seed 1): the same random stream, counted exactly.
    private static (double Distinct, double LongTail, double Gini) Truth()
    {
        var random = new Random(1);
        var cumulative = new double[2_000];
        double sum = 0;
        for (int rank = 1; rank <= cumulative.Length; rank++)
        {
            sum += 1.0 / Math.Pow(rank, 1.1);
            cumulative[rank - 1] = sum;
        }

        var counts = new Dictionary<int, long>();
        for (int i = 0; i < 20_000; i++)
        {
            for (int k = 0; k < 10; k++)
            {
                int index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
                index = index < 0 ? ~index : index;
                counts[index] = counts.GetValueOrDefault(index) + 1;
            }

            // The click draws come from the same stream, one per item shown.
            for (int k = 0; k < 10; k++)
            {
                _ = random.NextDouble();
            }
        }

        long[] sorted = [.. counts.Values.Order()];
        double total = sorted.Sum();
        int head = (int)Math.Ceiling(0.2 * sorted.Length);
        double headSum = sorted.TakeLast(head).Sum();
        double weighted = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            weighted += ((2.0 * (i + 1)) - sorted.Length - 1) * sorted[i];
        }

        return (sorted.Length, 1 - (headSum / total), weighted / (sorted.Length * total));
    }
}
