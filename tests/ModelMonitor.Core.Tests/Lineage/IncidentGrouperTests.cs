using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Lineage;
using static ModelMonitor.Core.Tests.Lineage.LineageTestData;

namespace ModelMonitor.Core.Tests.Lineage;

public class IncidentGrouperTests
{
    private static readonly IncidentGroupingOptions Options = new(TimeSpan.FromHours(1));

    [Fact]
    public void Group_CascadeOverThreeLevels_IsOneIncidentRootedUpstream()
    {
        var graph = Graph(("embedder", "pricing"), ("pricing", "checkout"));
        MonitorAlert[] alerts =
        [
            Alert("checkout", 20, Severity.Critical),
            Alert("pricing", 10),
            Alert("embedder", 0, Severity.Error),
        ];

        var grouping = IncidentGrouper.Group(alerts, graph, Period, Options);

        var incident = Assert.Single(grouping.Incidents);
        Assert.Equal("embedder", incident.RootModelId);
        Assert.Equal("embedder", Assert.Single(incident.RootAlerts).ModelId);
        Assert.True(incident.IsCascade);
        Assert.Equal(Severity.Critical, incident.MaxSeverity);
        Assert.Equal(alerts[2].WindowStart, incident.FirstSeen);
        Assert.Equal(alerts[0].WindowEnd, incident.LastSeen);
        var checkout = grouping.Find(alerts[0].DedupKey)!;
        Assert.Equal(AlertRelation.Downstream, checkout.Relation);
        Assert.True(checkout.DoNotPageSeparately);
        Assert.Equal(["embedder", "pricing", "checkout"], checkout.Path);
        Assert.Equal(incident.Id, checkout.IncidentId);
        Assert.Equal(["embedder", "pricing"], grouping.Find(alerts[1].DedupKey)!.Path);
        var root = grouping.Find(alerts[2].DedupKey)!;
        Assert.Equal(AlertRelation.Root, root.Relation);
        Assert.False(root.DoNotPageSeparately);
    }

    [Fact]
    public void Group_TwoIndependentFailures_AreTwoIncidents()
    {
        var graph = Graph(("embedder", "pricing"), ("geo", "fraud"));
        MonitorAlert[] alerts = [Alert("pricing", 5), Alert("fraud", 0)];

        var grouping = IncidentGrouper.Group(alerts, graph, Period, Options);

        Assert.Equal(2, grouping.Incidents.Count);
        Assert.Equal(["fraud", "pricing"], grouping.Incidents.Select(static i => i.RootModelId));
        Assert.All(grouping.Incidents, static i => Assert.False(i.IsCascade));
        Assert.All(alerts, a => Assert.Equal(AlertRelation.Root, grouping.Find(a.DedupKey)!.Relation));
        Assert.NotEqual(grouping.Incidents[0].Id, grouping.Incidents[1].Id);
    }

    [Fact]
    public void Group_DownstreamAlertBeforeUpstreamOutsideLag_IsNotAttributed()
    {
        var graph = Graph(("embedder", "pricing"));
        var early = Alert("pricing", -180); // 07:00-08:00, upstream starts at 10:00
        var upstream = Alert("embedder", 0);

        var grouping = IncidentGrouper.Group([early, upstream], graph, Period, Options);

        Assert.Equal(2, grouping.Incidents.Count);
        Assert.Equal("pricing", grouping.Find(early.DedupKey)!.RootModelId);
        Assert.Equal(AlertRelation.Root, grouping.Find(early.DedupKey)!.Relation);
    }

    [Fact]
    public void Group_DownstreamStartingWithinLagAfterUpstream_IsAttributedEvenWithoutOverlap()
    {
        var graph = Graph(("embedder", "pricing"));
        var upstream = Alert("embedder", 0, lengthMinutes: 5); // 10:00-10:05
        var downstream = Alert("pricing", 50, lengthMinutes: 5); // 10:50-10:55, within the 1 h lag

        var grouping = IncidentGrouper.Group([upstream, downstream], graph, Period, Options);

        Assert.Equal("embedder", Assert.Single(grouping.Incidents).RootModelId);
    }

    [Fact]
    public void Group_DownstreamStartingAfterLagWithoutOverlap_IsItsOwnIncident()
    {
        var graph = Graph(("embedder", "pricing"));
        var upstream = Alert("embedder", 0, lengthMinutes: 5);
        var downstream = Alert("pricing", 70, lengthMinutes: 5);

        var grouping = IncidentGrouper.Group([upstream, downstream], graph, Period, Options);

        Assert.Equal(2, grouping.Incidents.Count);
    }

    [Fact]
    public void Group_Diamond_IsOneIncidentAndTheSinkGetsOneShortestPath()
    {
        var graph = Graph(("embedder", "pricing"), ("embedder", "ranking"), ("pricing", "checkout"), ("ranking", "checkout"));
        MonitorAlert[] alerts = [Alert("embedder", 0), Alert("pricing", 5), Alert("ranking", 5), Alert("checkout", 10)];

        var grouping = IncidentGrouper.Group(alerts, graph, Period, Options);

        var incident = Assert.Single(grouping.Incidents);
        Assert.Equal("embedder", incident.RootModelId);
        Assert.Equal(4, incident.Members.Count);
        Assert.Equal(["embedder", "pricing", "checkout"], grouping.Find(alerts[3].DedupKey)!.Path);
    }

    [Fact]
    public void Group_Cycle_TerminatesAndRootsAtTheEarliestAlert()
    {
        var graph = Graph(("a", "b"), ("b", "c"), ("c", "a"));
        MonitorAlert[] alerts = [Alert("c", 10), Alert("b", 0), Alert("a", 20)];

        var grouping = IncidentGrouper.Group(alerts, graph, Period, Options);

        var incident = Assert.Single(grouping.Incidents);
        Assert.Equal("b", incident.RootModelId);
        Assert.Equal(["b", "c", "a"], grouping.Find(alerts[2].DedupKey)!.Path);
    }

    [Fact]
    public void Group_TwoAlertingUpstreamsOfOneModel_AttributesToTheEarlierAndKeepsTheOtherSeparate()
    {
        var graph = Graph(("embedder", "pricing"), ("geo", "pricing"));
        MonitorAlert[] alerts = [Alert("geo", 10), Alert("embedder", 0), Alert("pricing", 15)];

        var grouping = IncidentGrouper.Group(alerts, graph, Period, Options);

        Assert.Equal(2, grouping.Incidents.Count);
        Assert.Equal("embedder", grouping.Find(alerts[2].DedupKey)!.RootModelId);
        Assert.Equal("geo", grouping.Find(alerts[0].DedupKey)!.RootModelId);
    }

    [Fact]
    public void Group_RerunInAnotherOrderWithADuplicate_GivesTheSameIds()
    {
        var graph = Graph(("embedder", "pricing"));
        MonitorAlert[] alerts = [Alert("embedder", 0), Alert("pricing", 10), Alert("fraud", 0)];

        var first = IncidentGrouper.Group(alerts, graph, Period, Options);
        var second = IncidentGrouper.Group([alerts[2], alerts[1], alerts[0], alerts[1]], graph, Period, Options);
        var nextDay = IncidentGrouper.Group(alerts, graph, Period.AddDays(1), Options);

        Assert.Equal(first.Incidents.Select(static i => i.Id), second.Incidents.Select(static i => i.Id));
        Assert.Equal(3, second.Incidents.Sum(static i => i.Members.Count));
        Assert.Empty(first.Incidents.Select(static i => i.Id).Intersect(nextDay.Incidents.Select(static i => i.Id)));
        Assert.All(first.Incidents, static i => Assert.Matches("^inc-[0-9a-f]{32}$", i.Id));
    }

    [Fact]
    public void Group_EmptyGraph_MakesEveryModelItsOwnIncident()
    {
        MonitorAlert[] alerts = [Alert("embedder", 0), Alert("pricing", 0), Alert("pricing", 0, kind: AlertKind.DataQuality)];

        var grouping = IncidentGrouper.Group(alerts, LineageGraph.Empty, Period, Options);

        Assert.Equal(2, grouping.Incidents.Count);
        Assert.Equal(2, grouping.Incidents.Single(static i => i.RootModelId == "pricing").RootAlerts.Count);
    }
}
