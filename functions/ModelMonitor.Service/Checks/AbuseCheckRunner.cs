using Azure;
using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Checks;

/// <summary>
/// Runs the per-caller abuse checks (<see cref="CallerAbuseChecks"/>) of every model for the last complete hour: reads
/// each version's hourly summaries through <see cref="SummaryReader"/> (as <see cref="OperationalCheckRunner"/> does),
/// evaluates them and raises the <c>abuse</c> alerts through <see cref="IAlertSink"/>, whose dedup key makes a re-run
/// of the same hour raise nothing new. One model failing is logged and counted; the others still run.
/// </summary>
/// <remarks>
/// <paramref name="policy"/> for every model, unless <paramref name="policies"/> gives each model its own (the app reads
/// the <c>checks</c> section's <c>abuse</c> member through <see cref="ConfigStoreAbusePolicySource"/>).
/// <paramref name="evaluated"/> sees every model's result (per-caller judgements included). With
/// <paramref name="reputations"/> every judged caller's reputation is updated and the low ones raise
/// <c>abuse</c>/<c>reputation</c> alerts.
/// </remarks>
public sealed partial class AbuseCheckRunner(
    SummaryReader reader,
    AbusePolicy policy,
    IAlertSink alerts,
    TimeProvider timeProvider,
    ILogger<AbuseCheckRunner> logger,
    int? historyDays = null,
    Action<string, AbuseCheckResult>? evaluated = null,
    IAbusePolicySource? policies = null,
    CallerReputationUpdater? reputations = null)
{
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
                var modelPolicy = policies is null ? policy : await policies.GetAsync(modelId, cancellationToken);
                if (await ReadHistoryAsync(modelId, modelVersions, hourEnd, historyDays ?? CallerAbuseChecks.HistoryDays(modelPolicy), cancellationToken) is not { } history)
                {
                    continue;
                }

                var result = CallerAbuseChecks.Evaluate(history, modelPolicy, hourEnd);
                var recorded = await alerts.RaiseAsync(result.Alerts, cancellationToken);
                if (reputations is not null)
                {
                    raised += (await alerts.RaiseAsync(await reputations.UpdateAsync(modelId, result, hourEnd, cancellationToken), cancellationToken)).Count;
                }

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

    // Only the judged hour and the same hour on earlier days are read: the rules look at nothing else.
    private Task<ServingHistory?> ReadHistoryAsync(string modelId, List<string> modelVersions, DateTimeOffset hourEnd, int days, CancellationToken cancellationToken)
    {
        var judged = hourEnd - Granularity.Hour.Length;
        return ServingHistoryReader.ReadAsync(
            reader, modelId, modelVersions.SelectMany(version => Enumerable.Range(0, days).Select(d => (version, judged - TimeSpan.FromDays(d)))), cancellationToken);
    }

    [LoggerMessage(EventId = 4150, Level = LogLevel.Error, Message = "Abuse checks of {ModelId} failed (blob {BlobName}); the other models still run")]
    private static partial void LogModelFailed(ILogger logger, Exception exception, string modelId, string blobName);
}
