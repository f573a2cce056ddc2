using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Operations;

namespace ModelMonitor.Core.Tests.Abuse;

public class RepeatedInputsTests
{
    private const int AbuseStartsAt = 5;

    [Fact]
    public void Evaluate_ReplayerAndPerturber_AreNamedInTheHourTheyStart()
    {
        var stream = new InputStream { AbuseFromHour = AbuseStartsAt };
        var series = ServingSeries.Build(stream.Build());

        var before = CallerAbuseChecks.Evaluate(series, AbusePolicy.Default, stream.HourStart(AbuseStartsAt));
        var first = CallerAbuseChecks.Evaluate(series, AbusePolicy.Default, stream.HourStart(AbuseStartsAt + 1));

        Assert.Empty(before.Alerts);
        Assert.All(first.Alerts, a => Assert.Equal((AlertKind.Abuse, AbuseSubkind.RepeatedInputs), (a.Kind, a.Subkind)));
        Assert.Equal(["perturber", "replayer"], first.Alerts.Select(a => a.Feature).Order(StringComparer.Ordinal));
        Assert.All(first.Alerts, a => Assert.Equal(stream.HourStart(AbuseStartsAt), a.WindowStart));

        var replayer = first.Alerts.Single(a => a.Feature == "replayer");
        Assert.True(replayer.Evidence["repeatShare"] > 0.95, "nearly every input of the replayer repeats exactly");
        Assert.True(replayer.Evidence["distinctInputs"] < 3);
        Assert.True(replayer.Evidence["populationRepeatShare"] < 0.2, "an ordinary caller repeats about one input in ten");
        Assert.Contains("identical input", replayer.Message, StringComparison.Ordinal);

        var perturber = first.Alerts.Single(a => a.Feature == "perturber");
        Assert.True(perturber.Evidence["repeatShare"] < 0.2, "jittered inputs are distinct exactly");
        Assert.True(perturber.Evidence["nearRepeatShare"] > 0.95, "but fall in one near-identical bucket");
        Assert.Contains("near-identical", perturber.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OrdinaryCallersWithRetries_RaiseNothingInAnyHour()
    {
        var stream = new InputStream { Hours = 24 };
        var series = ServingSeries.Build(stream.Build());

        var results = Enumerable.Range(1, stream.Hours).Select(h => CallerAbuseChecks.Evaluate(series, AbusePolicy.Default, stream.HourStart(h))).ToList();

        Assert.Empty(results.SelectMany(r => r.Alerts));
        // Judged, not skipped: every ordinary caller had a repeat share against a population.
        Assert.All(results, r => Assert.Equal(stream.Callers, r.Callers.Count(c => c.Evidence["repeatZ"] is not null)));
    }

    [Fact]
    public void Evaluate_TooFewCallersWithEnoughInputs_DoesNotJudgeRepeats()
    {
        var stream = new InputStream { Callers = 2, AbuseFromHour = 0, Hours = 1 };
        var series = ServingSeries.Build(stream.Build());

        var result = CallerAbuseChecks.Evaluate(series, AbusePolicy.Default, stream.HourStart(1));

        Assert.DoesNotContain(result.Alerts, a => a.Subkind == AbuseSubkind.RepeatedInputs);
        Assert.All(result.Callers, c => Assert.Null(c.Evidence["repeatZ"]));
    }

    [Fact]
    public void Evaluate_ReplayerBelowTheMinimumInputs_IsNotJudged()
    {
        var stream = new InputStream { AbuseFromHour = 0, Hours = 1 };
        var series = ServingSeries.Build(stream.Build());
        var policy = new AbusePolicy(repeatMinimumInputs: stream.PerCallerHour + 1);

        var result = CallerAbuseChecks.Evaluate(series, policy, stream.HourStart(1));

        Assert.Empty(result.Alerts);
    }
}
