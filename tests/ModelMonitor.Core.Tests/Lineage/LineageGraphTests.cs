using ModelMonitor.Core.Lineage;
using static ModelMonitor.Core.Tests.Lineage.LineageTestData;

namespace ModelMonitor.Core.Tests.Lineage;

public class LineageGraphTests
{
    [Fact]
    public void AncestorsAndDescendants_Chain_FollowEdgesTransitively()
    {
        var graph = Graph(("embedder", "pricing"), ("pricing", "checkout"), ("geo", "checkout"));

        Assert.Equal(["embedder", "geo", "pricing"], graph.Ancestors("checkout"));
        Assert.Equal(["checkout", "pricing"], graph.Descendants("embedder"));
        Assert.Empty(graph.Ancestors("embedder"));
        Assert.Empty(graph.Descendants("unknown"));
        Assert.Empty(graph.Cycles);
    }

    [Fact]
    public void Cycles_AreReportedAndTraversalsTerminate()
    {
        var graph = Graph(("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("x", "y"), ("y", "x"));

        Assert.Equal(2, graph.Cycles.Count);
        Assert.Equal(["a", "b", "c"], graph.Cycles[0]);
        Assert.Equal(["x", "y"], graph.Cycles[1]);
        Assert.Equal(["a", "b", "c", "d"], graph.Descendants("a"));
        Assert.Equal(["a", "b", "c"], graph.Ancestors("d"));
        Assert.Null(graph.PathBetween("d", "a"));
    }

    [Fact]
    public void Combine_SameEdgeConfiguredAndLearned_IsOneEdgeWithBothSources()
    {
        var graph = LineageGraph.Combine(
            [new LineageEdge("embedder", "pricing", LineageEdgeSources.Configured)],
            [new LineageEdge("embedder", "pricing", LineageEdgeSources.Learned), new LineageEdge("geo", "pricing", LineageEdgeSources.Learned)]);

        Assert.Equal(2, graph.Edges.Count);
        Assert.Equal(LineageEdgeSources.Configured | LineageEdgeSources.Learned, graph.Edges[0].Sources);
        Assert.Equal(["embedder", "geo"], graph.UpstreamOf("pricing"));
    }

    [Fact]
    public void LineageEdge_SelfEdge_IsRejected()
    {
        Assert.Throws<ArgumentException>(static () => new LineageEdge("a", "a", LineageEdgeSources.Configured));
    }
}
