using Azure;
using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Checks;

/// <summary>
/// Runs the operational checks (usage swings, silence, computational regression, error rate) of every model for the
/// last complete hour: reads each version's hourly summaries through <see cref="SummaryReader"/>, evaluates
/// <see cref="OperationalChecks"/> and raises the alerts through <see cref="IAlertSink"/> (whose dedup key makes a
/// re-run of the same hour raise nothing new). One model failing (a corrupt blob, say) is logged and counted; the
/// others still run.
/// </summary>
/// <remarks>
/// <paramref name="historyDays"/> (default: what the model's policy needs, 35 days with the defaults) bounds the
/// reads: one hourly roll-up (or the base windows of the hour) per version and hour. The coverage of a model's history
/// starts at its first hour with events inside that span, so a model is never judged on hours it did not exist.
/// <paramref name="evaluated"/> sees every model's full result (conditions included), for telemetry and episode logic.
/// </remarks>
public sealed partial class OperationalCheckRunner(
    SummaryReader reader,
    IOperationalPolicySource policies,
    IAlertSink alerts,
    TimeProvider timeProvider,
    ILogger<OperationalCheckRunner> logger,
    int? historyDays = null,
    Action<string, OperationalCheckResult>? evaluated = null)
{
    /// <summary>Hour reads in flight per model.</summary>
    public const int ReadConcurrency = ServingHistoryReader.ReadConcurrency;

    public async Task<OperationalRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var hourEnd = Granularity.Hour.Floor(timeProvider.GetUtcNow());
        var versions = await ServingHistoryReader.ModelVersionsAsync(reader, cancellationToken);

        int evaluatedModels = 0;
        int raised = 0;
        int failed = 0;
        foreach (var (modelId, modelVersions) in versions)
        {
            try
            {
                var policy = await policies.GetAsync(modelId, cancellationToken);
                if (await ReadHistoryAsync(modelId, modelVersions, hourEnd, historyDays ?? OperationalChecks.HistoryDays(policy), cancellationToken) is not { } history)
                {
                    continue;
                }

                var result = OperationalChecks.Evaluate(history, policy, hourEnd);
                var recorded = await alerts.RaiseAsync(result.Alerts, cancellationToken);
                evaluated?.Invoke(modelId, result);
                evaluatedModels++;
                raised += recorded.Count;
            }
            // Anything but cancellation and a transient storage failure (which the timer's next run retries for all) is this model's only.
            catch (Exception ex) when (ex is not OperationCanceledException and not RequestFailedException { Status: 429 or >= 500 })
            {
                LogModelFailed(logger, ex, modelId, (ex as CorruptBlobException)?.BlobName ?? "-");
                failed++;
            }
        }

        return new OperationalRunResult(evaluatedModels, raised, failed);
    }

    private Task<ServingHistory?> ReadHistoryAsync(string modelId, List<string> modelVersions, DateTimeOffset hourEnd, int days, CancellationToken cancellationToken)
    {
        var from = hourEnd - TimeSpan.FromDays(days);
        return ServingHistoryReader.ReadAsync(
            reader, modelId, modelVersions.SelectMany(version => Enumerable.Range(0, days * 24).Select(i => (version, from + (i * Granularity.Hour.Length)))), cancellationToken);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Error, Message = "Operational checks of {ModelId} failed (blob {BlobName}); the other models still run")]
    private static partial void LogModelFailed(ILogger logger, Exception exception, string modelId, string blobName);
}
