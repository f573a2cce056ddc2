using ModelMonitor.Core.Events;
using ModelMonitor.Core.Lineage;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Tests.Summaries;

namespace ModelMonitor.Core.Tests.Lineage;

public class LineageLearnerTests
{
    private static readonly LineageLearningOptions Options = new(minimumShare: 0.05, minimumEvents: 50);

    /// <summary>A summary of <paramref name="events"/> predictions of pricing; the first <paramref name="withEmbedder"/> name embedder upstream, the first <paramref name="withGeo"/> name geo.</summary>
    private static WindowSummary Pricing(int events, int withEmbedder, int withGeo, int hour = 10)
    {
        var start = SummaryTestData.Start.AddHours(hour - 10);
        var summary = new WindowSummary("pricing", "1", start, start.AddHours(1));
        for (var i = 0; i < events; i++)
        {
            List<UpstreamRef> upstream = [];
            if (i < withEmbedder)
            {
                upstream.Add(new UpstreamRef("embedder", $"emb-{i}"));
            }

            if (i < withGeo)
            {
                upstream.Add(new UpstreamRef("geo", null));
            }

            summary.Add(new MonitoringEvent
            {
                Kind = EventKind.Prediction,
                EventId = $"p{hour}-{i}",
                ModelId = "pricing",
                ModelVersion = "1",
                Timestamp = start.AddSeconds(i),
                Prediction = FieldValue.FromNumber(i),
                Upstream = upstream,
            });
        }

        return summary;
    }

    [Fact]
    public void Learn_ShareAboveThreshold_LearnsTheEdgeAndBelowDoesNot()
    {
        // embedder: 60 of 200 (30%); geo: 8 of 200 (4%, below 5%).
        var edges = LineageLearner.Learn([Pricing(200, 60, 8)], Options);

        var edge = Assert.Single(edges);
        Assert.Equal(("embedder", "pricing"), (edge.Upstream, edge.Downstream));
        Assert.Equal(LineageEdgeSources.Learned, edge.Sources);
    }

    [Fact]
    public void Learn_SharesSumOverSummaries()
    {
        // geo: 0 of 100 then 12 of 100: 6% overall, above 5%; each hour alone is 0% and 12%.
        var edges = LineageLearner.Learn([Pricing(100, 0, 0, hour: 10), Pricing(100, 0, 12, hour: 11)], Options);

        Assert.Equal("geo", Assert.Single(edges).Upstream);
    }

    [Fact]
    public void Learn_TooFewEvents_LearnsNothing()
    {
        var edges = LineageLearner.Learn([Pricing(40, 40, 0)], Options);

        Assert.Empty(edges);
    }

    [Fact]
    public void Learn_LearnedAndConfiguredEdges_GroupACascade()
    {
        var learned = LineageLearner.Learn([Pricing(200, 100, 0)], Options);
        var graph = LineageGraph.Combine([new LineageEdge("pricing", "checkout", LineageEdgeSources.Configured)], learned);

        Assert.Equal(["embedder", "pricing"], graph.Ancestors("checkout"));
    }
}
