using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Tests.Alerts;

public sealed class EpisodeTransitionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly EpisodeOptions Options = EpisodeOptions.Default;

    private static MonitorAlert Alert(DateTimeOffset start, TimeSpan length, Severity severity = Severity.Warning, string feature = "amount") =>
        new(AlertKind.FeatureDrift, null, "fraud", "v1", feature, severity, start, start + length, new Dictionary<string, double?> { ["score"] = 0.001 });

    private static AlertEpisode Opened(Severity severity = Severity.Warning) =>
        EpisodeTransition.Fire(null, Alert(T0, TimeSpan.FromHours(1), severity), T0.AddHours(1), Options).Episode!;

    [Fact]
    public void Fire_NoPriorEpisode_OpensOneAndNotifies()
    {
        var step = EpisodeTransition.Fire(null, Alert(T0, TimeSpan.FromHours(1)), T0.AddHours(1), Options);

        Assert.Equal(EpisodeNotice.Opened, step.Notice);
        Assert.Equal(EpisodeState.Firing, step.Episode!.State);
        Assert.Equal(1, step.Episode.Occurrences);
        Assert.Equal(1, step.Episode.Number);
        Assert.Equal("feature-drift||fraud|v1|amount", step.Episode.ConditionKey);
    }

    [Fact]
    public void Fire_NextHourWithinCooldown_CountsOccurrenceWithoutNotifying()
    {
        var step = EpisodeTransition.Fire(Opened(), Alert(T0.AddHours(1), TimeSpan.FromHours(1)), T0.AddHours(2), Options);

        Assert.Equal(EpisodeNotice.None, step.Notice);
        Assert.Equal(2, step.Episode!.Occurrences);
        Assert.Equal(T0.AddHours(1), step.Episode.LatestWindowStart);
        Assert.Equal(T0.AddHours(1), step.Episode.FirstSeen);
    }

    [Fact]
    public void Fire_SameWindowAgain_IsARe_evaluationNotAnOccurrence()
    {
        var episode = Opened();
        var again = Alert(T0, TimeSpan.FromHours(1)) with { };

        var step = EpisodeTransition.Fire(episode, again, T0.AddHours(3), Options);

        Assert.Equal(1, step.Episode!.Occurrences);
        Assert.Equal(EpisodeNotice.None, step.Notice);
    }

    [Fact]
    public void Fire_BaseWindowAndItsHour_AreOneEpisode()
    {
        var fiveMinutes = EpisodeTransition.Fire(null, Alert(T0.AddMinutes(55), TimeSpan.FromMinutes(5)), T0.AddHours(1), Options);
        var hour = EpisodeTransition.Fire(fiveMinutes.Episode, Alert(T0, TimeSpan.FromHours(1)), T0.AddHours(1), Options);

        Assert.Equal(EpisodeNotice.Opened, fiveMinutes.Notice);
        Assert.Equal(EpisodeNotice.None, hour.Notice);
        Assert.Equal(1, hour.Episode!.Number);
        Assert.Equal(fiveMinutes.Episode!.ConditionKey, hour.Episode.ConditionKey);
        Assert.Equal(TimeSpan.FromHours(1), hour.Episode.LatestWindowEnd - hour.Episode.LatestWindowStart);
    }

    [Fact]
    public void Fire_SeverityRisesWithinCooldown_NotifiesSeverityRaised()
    {
        var step = EpisodeTransition.Fire(Opened(Severity.Warning), Alert(T0.AddHours(1), TimeSpan.FromHours(1), Severity.Error), T0.AddHours(2), Options);

        Assert.Equal(EpisodeNotice.SeverityRaised, step.Notice);
        Assert.Equal(Severity.Error, step.Episode!.PeakSeverity);
        Assert.Equal(Severity.Error, step.Episode.LastNotifiedSeverity);
    }

    [Fact]
    public void Fire_SeverityFallsThenReturns_NotifiesOnlyAboveTheNotifiedSeverity()
    {
        var high = Opened(Severity.Error);
        var lower = EpisodeTransition.Fire(high, Alert(T0.AddHours(1), TimeSpan.FromHours(1), Severity.Warning), T0.AddHours(2), Options);
        var back = EpisodeTransition.Fire(lower.Episode, Alert(T0.AddHours(2), TimeSpan.FromHours(1), Severity.Error), T0.AddHours(3), Options);

        Assert.Equal(EpisodeNotice.None, lower.Notice);
        Assert.Equal(EpisodeNotice.None, back.Notice);
        Assert.Equal(Severity.Error, back.Episode!.Severity);
    }

    [Fact]
    public void Fire_AfterTheCooldown_SendsOneReminder()
    {
        var episode = Opened();
        for (int h = 1; h < 6; h++)
        {
            var quiet = EpisodeTransition.Fire(episode, Alert(T0.AddHours(h), TimeSpan.FromHours(1)), T0.AddHours(h + 1), Options);
            Assert.Equal(EpisodeNotice.None, quiet.Notice);
            episode = quiet.Episode!;
        }

        var reminder = EpisodeTransition.Fire(episode, Alert(T0.AddHours(6), TimeSpan.FromHours(1)), T0.AddHours(7), Options);
        var next = EpisodeTransition.Fire(reminder.Episode, Alert(T0.AddHours(7), TimeSpan.FromHours(1)), T0.AddHours(8), Options);

        Assert.Equal(EpisodeNotice.Reminder, reminder.Notice);
        Assert.Equal(EpisodeNotice.None, next.Notice);
        Assert.Equal(8, next.Episode!.Occurrences);
    }

    [Fact]
    public void Fire_Acknowledged_SendsNoReminderButStillNotifiesARise()
    {
        var acked = EpisodeTransition.Acknowledge(Opened(), "ana", T0.AddHours(1)).Episode!;

        var later = EpisodeTransition.Fire(acked, Alert(T0.AddHours(8), TimeSpan.FromHours(1)), T0.AddHours(9), Options);
        var rise = EpisodeTransition.Fire(later.Episode, Alert(T0.AddHours(9), TimeSpan.FromHours(1), Severity.Critical), T0.AddHours(10), Options);

        Assert.Equal(EpisodeState.Acknowledged, acked.State);
        Assert.Equal("ana", acked.AcknowledgedBy);
        Assert.Equal(EpisodeNotice.None, later.Notice);
        Assert.Equal(EpisodeNotice.SeverityRaised, rise.Notice);
    }

    [Fact]
    public void Clear_KCleanEvaluations_Resolve()
    {
        var episode = Opened();
        var notices = new List<EpisodeNotice>();
        for (int h = 1; h <= 3; h++)
        {
            var step = EpisodeTransition.Clear(episode, T0.AddHours(h), T0.AddHours(h + 1), T0.AddHours(h + 1), Options);
            notices.Add(step.Notice);
            episode = step.Episode!;
        }

        Assert.Equal([EpisodeNotice.None, EpisodeNotice.None, EpisodeNotice.Resolved], notices);
        Assert.Equal(EpisodeState.Resolved, episode.State);
        Assert.Equal(T0.AddHours(4), episode.ResolvedAt);
    }

    [Fact]
    public void Clear_ConfiguredK_IsHonoured()
    {
        var step = EpisodeTransition.Clear(Opened(), T0.AddHours(1), T0.AddHours(2), T0.AddHours(2), new EpisodeOptions { ClearEvaluationsToResolve = 1 });

        Assert.Equal(EpisodeNotice.Resolved, step.Notice);
    }

    [Fact]
    public void Clear_FiringInBetween_ResetsTheStreak()
    {
        var episode = EpisodeTransition.Clear(Opened(), T0.AddHours(1), T0.AddHours(2), T0.AddHours(2), Options).Episode!;
        episode = EpisodeTransition.Clear(episode, T0.AddHours(2), T0.AddHours(3), T0.AddHours(3), Options).Episode!;
        episode = EpisodeTransition.Fire(episode, Alert(T0.AddHours(3), TimeSpan.FromHours(1)), T0.AddHours(4), Options).Episode!;
        var clear = EpisodeTransition.Clear(episode, T0.AddHours(4), T0.AddHours(5), T0.AddHours(5), Options);

        Assert.Equal(1, clear.Episode!.ClearStreak);
        Assert.Equal(EpisodeState.Firing, clear.Episode.State);
    }

    [Fact]
    public void Clear_SameWindowReEvaluated_CountsOnce()
    {
        var once = EpisodeTransition.Clear(Opened(), T0.AddHours(1), T0.AddHours(2), T0.AddHours(2), Options);
        var twice = EpisodeTransition.Clear(once.Episode!, T0.AddHours(1), T0.AddHours(2), T0.AddHours(3), Options);

        Assert.False(twice.Changed);
        Assert.Equal(1, twice.Episode!.ClearStreak);
    }

    [Fact]
    public void Clear_ShorterWindowsThanTheFiringOne_DoNotResolveIt()
    {
        var episode = Opened();
        for (int m = 0; m < 12; m++)
        {
            var start = T0.AddHours(1).AddMinutes(5 * m);
            episode = EpisodeTransition.Clear(episode, start, start.AddMinutes(5), start.AddMinutes(5), Options).Episode!;
        }

        Assert.Equal(0, episode.ClearStreak);
        Assert.Equal(EpisodeState.Firing, episode.State);
    }

    [Fact]
    public void Clear_WindowBeforeTheLatestFiring_DoesNotCount()
    {
        var episode = EpisodeTransition.Fire(Opened(), Alert(T0.AddHours(2), TimeSpan.FromHours(1)), T0.AddHours(3), Options).Episode!;

        var step = EpisodeTransition.Clear(episode, T0.AddHours(1), T0.AddHours(2), T0.AddHours(3), Options);

        Assert.False(step.Changed);
    }

    [Fact]
    public void Fire_AfterResolution_OpensANewEpisodeAndArchivesTheOld()
    {
        var episode = Opened();
        for (int h = 1; h <= 3; h++)
        {
            episode = EpisodeTransition.Clear(episode, T0.AddHours(h), T0.AddHours(h + 1), T0.AddHours(h + 1), Options).Episode!;
        }

        var back = EpisodeTransition.Fire(episode, Alert(T0.AddHours(4), TimeSpan.FromHours(1)), T0.AddHours(5), Options);

        Assert.Equal(EpisodeNotice.Opened, back.Notice);
        Assert.Equal(2, back.Episode!.Number);
        Assert.Equal(1, back.Episode.Occurrences);
        Assert.Same(episode, back.Archived);
    }

    [Fact]
    public void Fire_AlertOfAnotherCondition_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => EpisodeTransition.Fire(Opened(), Alert(T0, TimeSpan.FromHours(1), feature: "country"), T0, Options));
    }
}
