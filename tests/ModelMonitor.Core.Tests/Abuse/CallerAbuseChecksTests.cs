using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Tests.Abuse;

public class CallerAbuseChecksTests
{
    // Day 10 (a Thursday), 09:00: mid-morning, when an ordinary caller sends about 60% of its peak.
    private const int AbuseStartsAt = (10 * 24) + 9;

    [Fact]
    public void Evaluate_CallerAtTenTimesAnOrdinaryRate_IsNamedInTheFirstHourItStarts()
    {
        var stream = new CallerStream { Changes = new Dictionary<string, (int, double)> { [CallerStream.Ordinary(3)] = (AbuseStartsAt, 10.0) } };
        var series = ServingSeries.Build(stream.Build());

        var before = CallerAbuseChecks.Evaluate(series, AbusePolicy.Default, stream.HourStart(AbuseStartsAt));
        var first = CallerAbuseChecks.Evaluate(series, AbusePolicy.Default, stream.HourStart(AbuseStartsAt + 1));

        Assert.Empty(before.Alerts);
        var alert = Assert.Single(first.Alerts);
        Assert.Equal(AlertKind.Abuse, alert.Kind);
        Assert.Equal(AbuseSubkind.Rate, alert.Subkind);
        Assert.Equal(CallerStream.Ordinary(3), alert.Feature);
        Assert.Equal(stream.HourStart(AbuseStartsAt), alert.WindowStart);
        Assert.Contains("caller-03", alert.Message, StringComparison.Ordinal);
        Assert.Equal(series.Summary(stream.HourStart(AbuseStartsAt))!.Callers.GetCount("caller-03"), alert.Evidence["requests"]);
        Assert.True(alert.Evidence["requests"] > 5 * alert.Evidence["baseline"], "the evidence shows the rise over its own baseline");
        Assert.True(alert.Evidence["robustZ"] > 6);
        Assert.NotNull(alert.Evidence["mad"]);
    }

    [Fact]
    public void Evaluate_OrdinaryCallersWithDailyCyclesOver15Days_RaiseNothing()
    {
        // A legitimately large caller (15× the others) stands out of the population every busy hour, but not out of its own history.
        var stream = new CallerStream { LargeCallerPeak = 1500 };
        var series = ServingSeries.Build(stream.Build());

        var alerts = Enumerable.Range(1, (stream.Days * 24) - 1)
            .SelectMany(hour => CallerAbuseChecks.Evaluate(series, AbusePolicy.Default, stream.HourStart(hour + 1)).Alerts)
            .ToList();

        Assert.Empty(alerts);
    }

    [Fact]
    public void Evaluate_ModelHistoryShorterThanTheMinimumDays_DoesNotJudgeTheRate()
    {
        var stream = new CallerStream { Days = 2, LargeCallerPeak = 1500 };
        var series = ServingSeries.Build(stream.Build());

        var result = CallerAbuseChecks.Evaluate(series, AbusePolicy.Default, stream.HourStart(24 + 15));

        Assert.Empty(result.Alerts);
        Assert.Null(result.Callers.Single(c => c.CallerId == "partner").Evidence["baseline"]);
    }

    [Fact]
    public void Evaluate_NewCallerWithOrdinaryVolume_DoesNotFire()
    {
        var stream = new CallerStream { Changes = new Dictionary<string, (int, double)> { ["newcomer"] = (AbuseStartsAt, 1.0) } };
        var series = ServingSeries.Build(stream.Build());

        var results = Enumerable.Range(AbuseStartsAt, (stream.Days * 24) - AbuseStartsAt)
            .Select(hour => CallerAbuseChecks.Evaluate(series, AbusePolicy.Default, stream.HourStart(hour + 1)))
            .ToList();

        Assert.Empty(results.SelectMany(r => r.Alerts));
        Assert.Contains(results, r => r.Callers.Any(c => c.CallerId == "newcomer" && c.Evidence["daysSeen"] == 0));
    }

    [Fact]
    public void Evaluate_NewCallerAtTenTimesTheOrdinaryVolume_FiresInItsFirstHour()
    {
        var stream = new CallerStream { Changes = new Dictionary<string, (int, double)> { ["scraper"] = (AbuseStartsAt, 10.0) } };
        var series = ServingSeries.Build(stream.Build());

        var result = CallerAbuseChecks.Evaluate(series, AbusePolicy.Default, stream.HourStart(AbuseStartsAt + 1));

        var alert = Assert.Single(result.Alerts);
        Assert.Equal("scraper", alert.Feature);
        Assert.Contains("new caller", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CallerOverItsQuota_FiresAndOneAtTheQuotaDoesNot()
    {
        var hour = CallerStream.Monday;
        var summary = Hour(hour, ("over", 201), ("at", 200), ("small", 3));
        var policy = new AbusePolicy(quotaPerHour: 200);

        var result = CallerAbuseChecks.Evaluate(History(hour, summary), policy, hour.AddHours(1));

        var alert = Assert.Single(result.Alerts, a => a.Subkind == AbuseSubkind.Quota);
        Assert.Equal("over", alert.Feature);
        Assert.Equal(200, alert.Evidence["quota"]);
        Assert.Equal(Severity.Error, alert.Severity);
    }

    [Fact]
    public void Evaluate_WithoutQuota_ALoneHeavyCallerFiresNoQuota()
    {
        var hour = CallerStream.Monday;
        var summary = Hour(hour, ("over", 201), ("at", 200));

        var result = CallerAbuseChecks.Evaluate(History(hour, summary), AbusePolicy.Default, hour.AddHours(1));

        Assert.DoesNotContain(result.Alerts, a => a.Subkind == AbuseSubkind.Quota);
    }

    [Fact]
    public void Evaluate_EventsWithoutCaller_AreNeverJudged()
    {
        var hour = CallerStream.Monday;
        var summary = Hour(hour, (null, 100_000), ("a", 60), ("b", 55), ("c", 70));

        var result = CallerAbuseChecks.Evaluate(History(hour, summary), new AbusePolicy(quotaPerHour: 1000, minimumDistinctCallers: 0), hour.AddHours(1));

        Assert.Empty(result.Alerts);
        Assert.Equal(["a", "b", "c"], result.Callers.Select(c => c.CallerId).Order(StringComparer.Ordinal));
        Assert.Equal(60.0 / 100_185, result.Callers.Single(c => c.CallerId == "a").Evidence["share"]!.Value, 12);
    }

    [Fact]
    public void Evaluate_HourWithOnlyAnonymousEvents_JudgesNobody()
    {
        var hour = CallerStream.Monday;

        var result = CallerAbuseChecks.Evaluate(History(hour, Hour(hour, (null, 5000))), AbusePolicy.Default, hour.AddHours(1));

        Assert.Empty(result.Alerts);
        Assert.Empty(result.Callers);
        Assert.NotNull(result.Detail);
    }

    [Fact]
    public void Evaluate_OneCallerWithMostTraffic_FiresShareOnlyWithEnoughDistinctCallers()
    {
        var hour = CallerStream.Monday;
        var many = Hour(hour, [("big", 700), .. Enumerable.Range(0, 12).Select(i => ((string?)$"c{i}", 40L))]);
        var few = Hour(hour, ("big", 700), ("c0", 200), ("c1", 200));

        var withMany = CallerAbuseChecks.Evaluate(History(hour, many), AbusePolicy.Default, hour.AddHours(1));
        var withFew = CallerAbuseChecks.Evaluate(History(hour, few), AbusePolicy.Default, hour.AddHours(1));

        var alert = Assert.Single(withMany.Alerts, a => a.Subkind == AbuseSubkind.Share);
        Assert.Equal("big", alert.Feature);
        Assert.Equal(700.0 / 1180, alert.Evidence["share"]!.Value, 12);
        Assert.DoesNotContain(withFew.Alerts, a => a.Subkind == AbuseSubkind.Share);
    }

    [Fact]
    public void Evaluate_DisabledPolicy_JudgesNothing()
    {
        var hour = CallerStream.Monday;
        var result = CallerAbuseChecks.Evaluate(History(hour, Hour(hour, ("over", 500))), new AbusePolicy(enabled: false, quotaPerHour: 10), hour.AddHours(1));

        Assert.Empty(result.Alerts);
        Assert.Equal("disabled by policy", result.Detail);
    }

    [Fact]
    public void Evaluate_HourEndNotOnTheHour_Throws()
    {
        var hour = CallerStream.Monday;
        Assert.Throws<ArgumentException>(() => CallerAbuseChecks.Evaluate(History(hour, Hour(hour, ("a", 1))), AbusePolicy.Default, hour.AddMinutes(30)));
    }

    private static ServingHistory History(DateTimeOffset hour, WindowSummary summary) => new("m", hour, [summary]);

    private static WindowSummary Hour(DateTimeOffset hour, params (string? Caller, long Requests)[] callers)
    {
        var summary = new WindowSummary("m", "1", hour, hour.AddHours(1));
        foreach (var (caller, requests) in callers)
        {
            for (var i = 0; i < requests; i++)
            {
                summary.Add(new MonitoringEvent { Kind = EventKind.Prediction, EventId = "e", ModelId = "m", ModelVersion = "1", Timestamp = hour, CallerId = caller });
            }
        }

        return summary;
    }
}
