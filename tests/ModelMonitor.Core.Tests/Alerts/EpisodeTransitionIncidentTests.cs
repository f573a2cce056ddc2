using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Lineage;

namespace ModelMonitor.Core.Tests.Alerts;

public sealed class EpisodeTransitionIncidentTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly LineageGraph Graph = new([new LineageEdge("embedder", "pricing", LineageEdgeSources.Configured)]);

    private static MonitorAlert Alert(string model, DateTimeOffset start, string kind = AlertKind.FeatureDrift) =>
        new(kind, null, model, "v1", "x", Severity.Warning, start, start + Hour, new Dictionary<string, double?> { ["score"] = 0.001 });

    private static IncidentGrouping Group(params MonitorAlert[] alerts) => IncidentGrouper.Group(alerts, Graph, T0, new IncidentGroupingOptions());

    [Fact]
    public void Fire_DownstreamMemberOfACascade_OpensWithTheIncidentAndTheRootAsCause()
    {
        var upstream = Alert("embedder", T0, AlertKind.DataQuality);
        var downstream = Alert("pricing", T0);
        var grouping = Group(upstream, downstream);

        var root = EpisodeTransition.Fire(null, upstream, T0 + Hour, EpisodeOptions.Default, grouping.Find(upstream.DedupKey)).Episode!;
        var effect = EpisodeTransition.Fire(null, downstream, T0 + Hour, EpisodeOptions.Default, grouping.Find(downstream.DedupKey)).Episode!;

        Assert.Single(grouping.Incidents);
        Assert.Equal(grouping.Incidents[0].Id, root.IncidentId);
        Assert.Equal(root.IncidentId, effect.IncidentId);
        Assert.Null(root.CauseModelId);
        Assert.Equal("embedder", effect.CauseModelId);
    }

    [Fact]
    public void Fire_GivenTheRootsEarlierIncidentId_OpensWithThatId()
    {
        var downstream = Alert("pricing", T0);
        var grouping = Group(Alert("embedder", T0), downstream);

        var effect = EpisodeTransition.Fire(null, downstream, T0 + Hour, EpisodeOptions.Default, grouping.Find(downstream.DedupKey), "inc-earlier").Episode!;

        Assert.Equal("inc-earlier", effect.IncidentId);
    }

    [Fact]
    public void Fire_OpenEpisodeInALaterIncident_KeepsTheIncidentItOpenedIn()
    {
        var first = Alert("pricing", T0);
        var opened = EpisodeTransition.Fire(null, first, T0 + Hour, EpisodeOptions.Default, Group(first).Find(first.DedupKey)).Episode!;
        var next = Alert("pricing", T0 + Hour);
        var later = Group(Alert("embedder", T0 + Hour), next);

        var step = EpisodeTransition.Fire(opened, next, T0 + (2 * Hour), EpisodeOptions.Default, later.Find(next.DedupKey));

        Assert.Equal(opened.IncidentId, step.Episode!.IncidentId);
        Assert.NotEqual(later.Incidents[0].Id, step.Episode.IncidentId);
        Assert.Null(step.Episode.CauseModelId);
    }

    [Fact]
    public void Fire_WithoutAnIncident_LeavesBothUnset()
    {
        var episode = EpisodeTransition.Fire(null, Alert("pricing", T0), T0 + Hour, EpisodeOptions.Default).Episode!;

        Assert.Null(episode.IncidentId);
        Assert.Null(episode.CauseModelId);
    }
}
