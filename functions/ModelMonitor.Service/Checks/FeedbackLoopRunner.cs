using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
/// One model failing (a corrupt summary blob, say) is logged with the blob's name and counted in
/// <see cref="FeedbackLoopRunResult.Failed"/>; the other models are still checked.
/// </remarks>
public sealed partial class FeedbackLoopRunner(
    SummaryReader reader, IAlertSink alerts, TimeProvider timeProvider, FeedbackLoopPolicy policy, TimeSpan outcomeDelay, ILogger<FeedbackLoopRunner>? logger = null)
{
    private readonly ILogger log = (ILogger?)logger ?? NullLogger.Instance;

    public async Task<FeedbackLoopRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var lastDayEnd = Granularity.Day.Floor(timeProvider.GetUtcNow() - outcomeDelay);
        var firstDay = lastDayEnd - (policy.HistoryDays * Granularity.Day.Length);
        var models = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var model in reader.ListModelVersionsAsync(cancellationToken))
        {
            models.Add(model.ModelId);
        }

        int evaluated = 0, raised = 0, failed = 0;
        foreach (var modelId in models)
        {
            try
            {
                if (await CheckModelAsync(modelId, firstDay, lastDayEnd, cancellationToken) is { } found)
                {
                    evaluated++;
                    raised += found;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not RequestFailedException { Status: 429 or >= 500 })
            {
                LogModelFailed(log, ex, modelId, (ex as CorruptBlobException)?.BlobName ?? "-");
                failed++;
            }
        }

        return new FeedbackLoopRunResult(evaluated, raised, failed);
    }

    /// <returns>New alerts, or null when the model recommended nothing on the evaluated day.</returns>
    private async Task<int?> CheckModelAsync(string modelId, DateTimeOffset firstDay, DateTimeOffset lastDayEnd, CancellationToken cancellationToken)
    {
        var days = new List<WindowSummary>(policy.HistoryDays);
        for (var day = firstDay; day < lastDayEnd; day += Granularity.Day.Length)
        {
            days.Add(await reader.ReadRangeAsync(modelId, null, day, day + Granularity.Day.Length, cancellationToken)
                ?? new WindowSummary(modelId, WindowSummary.AnyVersion, day, day + Granularity.Day.Length));
        }

        if (days[^1].Impressions == 0)
        {
            return null;
        }

        var found = FeedbackLoopChecker.Evaluate(days, policy);
        return (await alerts.RaiseAsync(found, cancellationToken)).Count;
    }

    [LoggerMessage(EventId = 4160, Level = LogLevel.Error, Message = "Feedback-loop checks of {ModelId} failed (blob {BlobName}); the other models still run")]
    private static partial void LogModelFailed(ILogger logger, Exception exception, string modelId, string blobName);
}
