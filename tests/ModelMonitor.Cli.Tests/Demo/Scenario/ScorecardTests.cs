using ModelMonitor.Cli.Demo.Scenario;

namespace ModelMonitor.Cli.Tests.Demo.Scenario;

public sealed class ScorecardTests
{
    private static readonly DateTimeOffset T0 = new(2001, 3, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static readonly InjectedIncident Latency = new("latency", ["pricing"], ["computational-regression"], T0.AddHours(10), "slower");
    private static readonly InjectedIncident Recall = new("recall", ["fraud"], ["model-quality/recall", "prediction-drift"], T0.AddHours(4), "worse");
    private static readonly InjectedIncident Cascade = new("cascade", ["demand", "pricing"], ["data-quality", "feature-drift"], T0.AddHours(20), "NaN upstream");

    private static ScorecardEpisode Episode(string model, string kind, DateTimeOffset windowStart, string? subkind = null, string? id = null) =>
        new(id ?? $"{kind}|{subkind}|{model}|v|#1", model, kind, subkind, null, "warning", windowStart, windowStart + Hour);

    [Fact]
    public void Compute_EpisodeOfTheRightModelAndKindAfterTheStart_DetectsWithWindowsToDetect()
    {
        var card = Scorecard.Compute([Latency], [], [Episode("pricing", "computational-regression", T0.AddHours(12))], Hour);

        var score = Assert.Single(card.Incidents);
        Assert.True(score.Detected);
        Assert.Equal(3, score.WindowsToDetect);
        Assert.Empty(card.FalseAlarms);
        Assert.True(card.Passed);
    }

    [Fact]
    public void Compute_FoundInTheWindowItStarted_TakesOneWindow()
    {
        var card = Scorecard.Compute([Latency], [], [Episode("pricing", "computational-regression", T0.AddHours(10))], Hour);

        Assert.Equal(1, card.Incidents[0].WindowsToDetect);
    }

    [Fact]
    public void Compute_NoMatchingEpisode_IsMissedAndFails()
    {
        var card = Scorecard.Compute([Latency, Recall], [], [Episode("pricing", "computational-regression", T0.AddHours(11))], Hour);

        Assert.False(card.Incidents[1].Detected);
        Assert.Null(card.Incidents[1].WindowsToDetect);
        Assert.Equal(1, card.Missed);
        Assert.False(card.Passed);
    }

    [Fact]
    public void Compute_EpisodeWhoseWindowEndsBeforeTheStart_IsAFalseAlarmNotADetection()
    {
        var early = Episode("pricing", "computational-regression", T0.AddHours(8));

        var card = Scorecard.Compute([Latency], [], [early], Hour);

        Assert.False(card.Incidents[0].Detected);
        Assert.Equal([early], card.FalseAlarms);
    }

    [Fact]
    public void Compute_WrongKindOnTheIncidentsModel_IsAFalseAlarm()
    {
        var drift = Episode("pricing", "label-shift", T0.AddHours(12));

        var card = Scorecard.Compute([Latency], [], [drift], Hour);

        Assert.Equal([drift], card.FalseAlarms);
        Assert.False(card.Incidents[0].Detected);
    }

    [Fact]
    public void Compute_KindWithSubkind_MatchesOnlyThatSubkind()
    {
        var recall = Episode("fraud", "model-quality", T0.AddHours(6), "recall");
        var f1 = Episode("fraud", "model-quality", T0.AddHours(5), "f1");

        var card = Scorecard.Compute([Recall], [], [recall, f1], Hour);

        Assert.Equal([recall], card.Incidents[0].Episodes);
        Assert.Equal([f1], card.FalseAlarms);
    }

    [Fact]
    public void Compute_BareKind_MatchesEverySubkind()
    {
        var nan = Episode("demand", "data-quality", T0.AddHours(20), "nan-rate");

        var card = Scorecard.Compute([Cascade], [], [nan], Hour);

        Assert.Equal([nan], card.Incidents[0].Episodes);
    }

    [Fact]
    public void Compute_CascadeIncident_CountsEpisodesOnUpstreamAndDownstream_FirstWindowDecides()
    {
        var downstream = Episode("pricing", "feature-drift", T0.AddHours(21));
        var upstream = Episode("demand", "data-quality", T0.AddHours(20), "nan-rate");

        var card = Scorecard.Compute([Cascade, Latency], [], [downstream, upstream], Hour);

        Assert.Equal([upstream, downstream], card.Incidents[0].Episodes);
        Assert.Equal(1, card.Incidents[0].WindowsToDetect);
        Assert.Empty(card.FalseAlarms);
    }

    [Fact]
    public void Compute_EpisodeOnACleanModel_IsAFalseAlarmEvenIfAnIncidentsKindMatches()
    {
        var clean = Episode("pricing", "computational-regression", T0.AddHours(12));

        var card = Scorecard.Compute([Latency], ["pricing"], [clean], Hour);

        Assert.False(card.Incidents[0].Detected);
        Assert.Equal([clean], card.FalseAlarms);
        Assert.False(card.Passed);
    }

    [Fact]
    public void Compute_NoIncidentsNoEpisodes_Passes()
    {
        var card = Scorecard.Compute([], ["clean"], [], Hour);

        Assert.True(card.Passed);
        Assert.Equal(0, card.EpisodeCount);
    }

    [Fact]
    public void InjectedIncident_WithoutKinds_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new InjectedIncident("x", ["m"], [], T0, "nothing"));
    }
}
