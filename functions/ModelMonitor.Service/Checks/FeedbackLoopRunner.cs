using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Recommenders;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Checks;

/// <summary>
/// Runs the feedback-loop check (<see cref="FeedbackLoopChecker"/>) once a day per model, over all its versions: a loop
/// narrows a recommender across releases, so the versions are judged together. Only models that recommend items
/// (impressions on the evaluated day) are checked.
/// </summary>
/// <remarks>
/// The evaluated day is the last UTC day that ended at least <paramref name="outcomeDelay"/> ago, so the clicks of its
/// late outcomes have arrived. Re-running on the same day raises the same alerts, which the sink deduplicates.
/// </remarks>
public sealed class FeedbackLoopRunner(SummaryReader reader, IAlertSink alerts, TimeProvider timeProvider, FeedbackLoopPolicy policy, TimeSpan outcomeDelay)
{
    public async Task<FeedbackLoopRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var lastDayEnd = Granularity.Day.Floor(timeProvider.GetUtcNow() - outcomeDelay);
        var firstDay = lastDayEnd - (policy.HistoryDays * Granularity.Day.Length);
        var models = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var model in reader.ListModelVersionsAsync(cancellationToken))
        {
            models.Add(model.ModelId);
        }

        int evaluated = 0, raised = 0;
        foreach (var modelId in models)
        {
            var days = new List<WindowSummary>(policy.HistoryDays);
            for (var day = firstDay; day < lastDayEnd; day += Granularity.Day.Length)
            {
                days.Add(await reader.ReadRangeAsync(modelId, null, day, day + Granularity.Day.Length, cancellationToken)
                    ?? new WindowSummary(modelId, WindowSummary.AnyVersion, day, day + Granularity.Day.Length));
            }

            if (days[^1].Impressions == 0)
            {
                continue;
            }

            evaluated++;
            var found = FeedbackLoopChecker.Evaluate(days, policy);
            raised += (await alerts.RaiseAsync(found, cancellationToken)).Count;
        }

        return new FeedbackLoopRunResult(evaluated, raised);
    }
}
