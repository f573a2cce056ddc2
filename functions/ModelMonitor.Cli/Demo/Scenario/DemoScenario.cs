using ModelMonitor.Core.Checks;
using ModelMonitor.Service.Alerts;

namespace ModelMonitor.Cli.Demo.Scenario;

/// <summary>
/// What the local run injects, in one place beside the simulators that inject it, so the run can score its own
/// monitoring: the incidents of the selected models and the models that must stay quiet.
/// </summary>
/// <param name="Incidents">Injected incidents of the selected models.</param>
/// <param name="CleanModels">Selected models with nothing injected.</param>
public sealed record DemoScenario(IReadOnlyList<InjectedIncident> Incidents, IReadOnlyList<string> CleanModels)
{
    /// <summary>Evaluation window of the run's cycle.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>The scenario the simulators play for <paramref name="settings"/> (only the selected models' incidents).</summary>
    public static DemoScenario For(DemoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var incidents = new List<InjectedIncident>();
        var models = settings.Models;
        if (models.Contains(DemoModels.Fraud))
        {
            incidents.Add(new InjectedIncident(
                "fraud-amount-drift",
                [DemoModels.Fraud],
                [AlertKind.FeatureDrift, AlertKind.PredictionDrift, AlertKind.DatasetDrift],
                settings.LastDayStart,
                "transaction amounts drift upwards (about 1.8x the median) on the last day"));
        }

        if (models.Contains(DemoModels.Recsys))
        {
            incidents.Add(new InjectedIncident(
                "recsys-abusive-caller",
                [DemoModels.Recsys],
                [AlertKind.Abuse],
                settings.Start,
                $"caller {RecsysSimulator.AbusiveCaller} calls at ten times an ordinary caller's rate, around the clock, often rate-limited"));
        }

        if (models.Contains(DemoModels.Pricing))
        {
            incidents.Add(new InjectedIncident(
                "pricing-latency-regression",
                [DemoModels.Pricing],
                [AlertKind.ComputationalRegression],
                settings.LastDayStart,
                "a slow dependency makes latency about 2.5x worse with a heavier tail on the last day"));
        }

        return new DemoScenario(incidents, []);
    }

    /// <summary>Scores the episodes the run's cycles opened.</summary>
    public Scorecard Score(IEnumerable<OpenedEpisode> opened) =>
        Scorecard.Compute(Incidents, CleanModels, [.. opened.Select(ToScorecard)], Window);

    private static ScorecardEpisode ToScorecard(OpenedEpisode opened)
    {
        var alert = opened.Alert;
        return new ScorecardEpisode(
            opened.Episode?.Id ?? alert.ConditionKey,
            alert.ModelId,
            alert.Kind,
            alert.Subkind,
            alert.Feature,
            alert.Severity.ToString().ToLowerInvariant(),
            alert.WindowStart,
            alert.WindowEnd,
            opened.Episode?.CauseModelId);
    }
}
