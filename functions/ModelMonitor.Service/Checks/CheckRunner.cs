using System.Text;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Checks;

/// <summary>
/// Evaluates completed windows and the latest complete hour of every model version against its reference, writes a
/// check-result document per window and raises alerts. Idempotent: a window is evaluated again only when its
/// source blobs changed (late events or labels), and alerts carry a dedup key, so re-runs never duplicate alerts.
/// </summary>
/// <remarks>
/// <c>evaluated</c> sees every result and the alerts that were new, for telemetry (drift scores, alert counts).
/// Reference: the version's (or the model's default) training profile from <see cref="ReferenceStore"/>; without one,
/// a trailing baseline: the same time span one week earlier, else the hour before the window.
/// </remarks>
public sealed class CheckRunner(
    SummaryReader reader,
    ReferenceStore references,
    CheckResultStore results,
    IAlertSink alerts,
    TimeProvider timeProvider,
    CheckPolicy policy,
    TimeSpan lookback,
    bool includeBaseWindows = true,
    Action<CheckResult, IReadOnlyList<MonitorAlert>>? evaluated = null)
{
    public async Task<CheckRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var baseTier = reader.BaseGranularity;
        var now = timeProvider.GetUtcNow();
        var lastWindow = baseTier.Floor(now) - baseTier.Length;
        var first = baseTier.Floor(now - lookback);
        var total = new CheckRunResult(0, 0, 0, 0, 0);
        await foreach (var model in reader.ListModelVersionsAsync(cancellationToken))
        {
            var reference = await references.ReadAsync(model.ModelId, model.ModelVersion, cancellationToken);
            var blobs = new List<WindowBlobInfo>();
            for (var hour = Granularity.Hour.Floor(first); hour <= lastWindow; hour += Granularity.Hour.Length)
            {
                var prefix = BlobNames.SpanPrefix(baseTier.Name, model.ModelId, model.ModelVersion, hour, Granularity.Hour);
                await foreach (var blob in reader.ListWindowBlobsAsync(prefix, cancellationToken))
                {
                    if (!blob.Parts.IsRollup && blob.Parts.WindowStart >= first && blob.Parts.WindowStart <= lastWindow)
                    {
                        blobs.Add(blob);
                    }
                }
            }

            if (includeBaseWindows)
            {
                foreach (var window in blobs.GroupBy(b => b.Parts.WindowStart))
                {
                    total = Add(total, await EvaluateAsync(model, baseTier, window.Key, [.. window], reference, cancellationToken));
                }
            }

            // Whole hours: more events than a base window, so real shifts reach significance while noise does not.
            var lastHour = Granularity.Hour.Floor(now) - Granularity.Hour.Length;
            if (baseTier.Length < Granularity.Hour.Length)
            {
                // Only whole hours inside the lookback: the oldest, partly covered hour would otherwise be re-evaluated on
                // a shrinking subset every run.
                foreach (var hour in blobs.GroupBy(b => Granularity.Hour.Floor(b.Parts.WindowStart)).Where(h => h.Key >= first && h.Key <= lastHour))
                {
                    total = Add(total, await EvaluateAsync(model, Granularity.Hour, hour.Key, [.. hour], reference, cancellationToken));
                }
            }
        }

        return total;
    }

    private async Task<CheckRunResult> EvaluateAsync(
        ModelVersionRef model, Granularity tier, DateTimeOffset start, List<WindowBlobInfo> sources, WindowSummary? reference, CancellationToken cancellationToken)
    {
        var name = CheckResultStore.BlobName(tier.Name, model.ModelId, model.ModelVersion, start);
        var fingerprint = SourceFingerprint.Of(sources);
        if (await results.ReadFingerprintAsync(name, cancellationToken) == fingerprint)
        {
            return new CheckRunResult(0, 1, 0, 0, 0);
        }

        var current = new WindowSummary(model.ModelId, model.ModelVersion, start, start + tier.Length);
        try
        {
            foreach (var source in sources)
            {
                if (await reader.ReadBlobAsync(source.Name, cancellationToken) is { } part)
                {
                    current.Merge(part);
                }
            }
        }
        catch (FormatException)
        {
            // A corrupt blob fails this window only; the run carries on and reports it.
            return new CheckRunResult(0, 0, 0, 0, 1);
        }

        reference ??= await TrailingBaselineAsync(model, start, tier, cancellationToken);
        if (reference is null)
        {
            return new CheckRunResult(0, 0, 1, 0, 0);
        }

        var result = CheckEvaluator.Evaluate(reference, current, policy);

        // Alerts first: a crash before the result is written re-evaluates and re-raises, which the dedup key absorbs.
        var raised = await alerts.RecordAsync(AlertEvaluation.From(result), cancellationToken);
        evaluated?.Invoke(result, raised);
        await results.WriteAsync(name, Encoding.UTF8.GetBytes(CheckResultJson.Serialize(result)), fingerprint, cancellationToken);
        return new CheckRunResult(1, 0, 0, raised.Count, 0);
    }

    private async Task<WindowSummary?> TrailingBaselineAsync(ModelVersionRef model, DateTimeOffset start, Granularity tier, CancellationToken cancellationToken)
    {
        var weekAgo = start - TimeSpan.FromDays(7);
        return await reader.ReadRangeAsync(model.ModelId, model.ModelVersion, weekAgo, weekAgo + tier.Length, cancellationToken)
            ?? await reader.ReadRangeAsync(model.ModelId, model.ModelVersion, start - Granularity.Hour.Length, start, cancellationToken);
    }

    private static CheckRunResult Add(CheckRunResult a, CheckRunResult b) =>
        new(a.Evaluated + b.Evaluated, a.Unchanged + b.Unchanged, a.WithoutReference + b.WithoutReference, a.AlertsRaised + b.AlertsRaised, a.Failed + b.Failed);
}
