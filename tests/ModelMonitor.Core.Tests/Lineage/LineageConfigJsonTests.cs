using ModelMonitor.Core.Lineage;

namespace ModelMonitor.Core.Tests.Lineage;

public class LineageConfigJsonTests
{
    [Fact]
    public void TryParse_ValidDocument_ReturnsConfiguredEdges()
    {
        var edges = LineageConfigJson.TryParse("""{"edges":[{"upstream":"embedder","downstream":"pricing"},{"downstream":"checkout","upstream":"pricing"}]}""", out var error);

        Assert.Null(error);
        Assert.NotNull(edges);
        Assert.Equal([("embedder", "pricing"), ("pricing", "checkout")], edges.Select(static e => (e.Upstream, e.Downstream)));
        Assert.All(edges, static e => Assert.Equal(LineageEdgeSources.Configured, e.Sources));
    }

    [Theory]
    [InlineData("""{"edges":[{"upstream":"a","downstream":"b"},{"upstream":"a"}]}""", "$.edges[1].downstream: required")]
    [InlineData("""{"edges":[{"upstream":"a","downstream":"b/c"}]}""", "$.edges[0].downstream: expected a model id")]
    [InlineData("""{"edges":[{"upstream":7,"downstream":"b"}]}""", "$.edges[0].upstream: expected a model id")]
    [InlineData("""{"edges":[{"upstream":"a","downstream":"b","weight":1}]}""", "$.edges[0].weight: unknown member")]
    [InlineData("""{"edges":[{"upstream":"a","downstream":"a"}]}""", "$.edges[0]: model 'a' cannot be its own upstream")]
    [InlineData("""{"edges":[{"upstream":"a","downstream":"b"},{"upstream":"a","downstream":"b"}]}""", "$.edges[1]: duplicate edge")]
    [InlineData("""{"edges":["a"]}""", "$.edges[0]: expected an object")]
    [InlineData("""{"edge":[]}""", "$.edge: unknown member")]
    [InlineData("""{}""", "$.edges: required")]
    [InlineData("""[]""", "$: expected an object")]
    [InlineData("""{"edges":[""", "$: not valid JSON")]
    public void TryParse_BadDocument_NamesThePath(string json, string expectedStart)
    {
        var edges = LineageConfigJson.TryParse(json, out var error);

        Assert.Null(edges);
        Assert.NotNull(error);
        Assert.StartsWith(expectedStart, error, StringComparison.Ordinal);
    }
}
