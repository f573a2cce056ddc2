using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Configuration;
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
/// a trailing baseline: the same time span one week earlier, else the hour before the window. With both, the window is
/// compared with both (a sudden shift shows against the trailing baseline, a slow trend against the pinned reference)
/// and alerts follow <see cref="CheckPolicy.Persistence"/> over the previous check results of the same series.
/// One failing model (a corrupt reference or window blob, any other exception) is logged with the blob's name, counted
/// in <see cref="CheckRunResult.Failed"/>, and the run carries on with the other models.
/// With <c>labelLookback</c>, complete days within it whose base windows changed (outcomes arriving days after their
/// predictions) have their model quality evaluated again as whole days (results under <see cref="LabelTier"/>).
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
    Action<CheckResult, IReadOnlyList<MonitorAlert>>? evaluated = null,
    ILogger<CheckRunner>? logger = null,
    IModelConfigStore? configs = null,
    TimeSpan? labelLookback = null)
{
    /// <summary>Tier name of the daily model-quality results of the late-label pass (<c>checkresults/labels-1d/…</c>).</summary>
    public const string LabelTier = "labels-1d";

    private readonly ILogger log = (ILogger?)logger ?? NullLogger.Instance;

    public async Task<CheckRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var baseTier = reader.BaseGranularity;
        var now = timeProvider.GetUtcNow();
        var lastWindow = baseTier.Floor(now) - baseTier.Length;
        var first = baseTier.Floor(now - lookback);
        var total = new CheckRunResult(0, 0, 0, 0, 0);
        await foreach (var model in reader.ListModelVersionsAsync(cancellationToken))
        {
            total = Add(total, await CheckModelIsolatedAsync(model, now, first, lastWindow, cancellationToken));
        }

        return total;
    }

    // One model's failure is that model's only: logged, counted, and the loop over models goes on.
    private async Task<CheckRunResult> CheckModelIsolatedAsync(
        ModelVersionRef model, DateTimeOffset now, DateTimeOffset first, DateTimeOffset lastWindow, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckModelAsync(model, now, first, lastWindow, cancellationToken);
        }
        catch (CorruptBlobException ex)
        {
            CheckRunnerLog.CorruptBlob(log, model.ModelId, model.ModelVersion, ex.BlobName, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CheckRunnerLog.ModelFailed(log, model.ModelId, model.ModelVersion, ex);
        }

        return new CheckRunResult(0, 0, 0, 0, 1);
    }

    private async Task<CheckRunResult> CheckModelAsync(
        ModelVersionRef model, DateTimeOffset now, DateTimeOffset first, DateTimeOffset lastWindow, CancellationToken cancellationToken)
    {
        var baseTier = reader.BaseGranularity;
        var total = new CheckRunResult(0, 0, 0, 0, 0);
        var modelPolicy = await PolicyForAsync(model.ModelId, cancellationToken);
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

        // The reference's same hours of the day, read once per hour of the day and model version in this run.
        var seasonal = new Dictionary<(DateTimeOffset Start, DateTimeOffset End), WindowSummary?>();
        if (includeBaseWindows)
        {
            foreach (var window in blobs.GroupBy(b => b.Parts.WindowStart))
            {
                var pinned = await SeasonalReferenceAsync(model, reference, window.Key, window.Key + baseTier.Length, modelPolicy, seasonal, cancellationToken);
                total = Add(total, await EvaluateAsync(model, baseTier, window.Key, [.. window], pinned, modelPolicy, cancellationToken));
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
                var pinned = await SeasonalReferenceAsync(model, reference, hour.Key, hour.Key + Granularity.Hour.Length, modelPolicy, seasonal, cancellationToken);
                total = Add(total, await EvaluateAsync(model, Granularity.Hour, hour.Key, [.. hour], pinned, modelPolicy, cancellationToken));
            }
        }

        if (labelLookback is { } labels)
        {
            total = Add(total, await CheckLateLabelsAsync(model, Granularity.Day.Floor(now - labels), Granularity.Day.Floor(now), reference, modelPolicy, cancellationToken));
        }

        return total;
    }

    /// <summary>
    /// Model quality of each complete day within the label lookback whose base windows changed since it was last
    /// evaluated, which days after the predictions means outcomes arrived. Only model-quality conditions alert here
    /// (drift and data quality belong to the windows and hours above), and an old day never resolves an open episode:
    /// it can open or update one, but whether a condition still holds is for the recent windows to say.
    /// </summary>
    private async Task<CheckRunResult> CheckLateLabelsAsync(
        ModelVersionRef model, DateTimeOffset firstDay, DateTimeOffset today, WindowSummary? reference, CheckPolicy modelPolicy, CancellationToken cancellationToken)
    {
        var total = new CheckRunResult(0, 0, 0, 0, 0);
        var qualityOnly = new CheckPolicy(
            modelPolicy.Drift, modelPolicy.DataQuality, modelPolicy.ModelQuality, modelPolicy.MinimumAlertSeverity, modelPolicy.Persistence,
            [.. AlertKind.All.Where(k => k != AlertKind.ModelQuality).Union(modelPolicy.DisabledKinds)]);
        for (var day = firstDay; day < today; day += Granularity.Day.Length)
        {
            var sources = await reader.ListBaseWindowsAsync(model.ModelId, model.ModelVersion, day, Granularity.Day, cancellationToken);
            if (sources.Count == 0)
            {
                continue;
            }

            var name = CheckResultStore.BlobName(LabelTier, model.ModelId, model.ModelVersion, day);
            var fingerprint = SourceFingerprint.Of(sources);
            if (await results.ReadFingerprintAsync(name, cancellationToken) == fingerprint)
            {
                total = Add(total, new CheckRunResult(0, 1, 0, 0, 0));
                continue;
            }

            // Through the reader: the daily roll-up when it is current, else the hours and windows that are.
            var current = await reader.ReadRangeAsync(model.ModelId, model.ModelVersion, day, day + Granularity.Day.Length, cancellationToken);
            var weekAgo = day - TimeSpan.FromDays(7);
            var trailing = await reader.ReadRangeAsync(model.ModelId, model.ModelVersion, weekAgo, weekAgo + Granularity.Day.Length, cancellationToken);
            if (current is null || (reference is null && trailing is null))
            {
                total = Add(total, new CheckRunResult(0, 0, 1, 0, 0));
                continue;
            }

            var history = await ReadHistoryAsync(model, LabelTier, Granularity.Day, day, qualityOnly.Persistence.Window, cancellationToken);
            var result = CheckEvaluator.Evaluate(reference, trailing, current, qualityOnly, history);
            var raised = await alerts.RecordAsync(
                new AlertEvaluation(model.ModelId, model.ModelVersion, result.WindowStart, result.WindowEnd, result.Alerts, new HashSet<string>(StringComparer.Ordinal)),
                cancellationToken);
            evaluated?.Invoke(result, raised);
            await results.WriteAsync(name, Encoding.UTF8.GetBytes(CheckResultJson.Serialize(result)), fingerprint, cancellationToken);
            total = Add(total, new CheckRunResult(1, 0, 0, raised.Count, 0));
        }

        return total;
    }

    private async Task<CheckRunResult> EvaluateAsync(
        ModelVersionRef model, Granularity tier, DateTimeOffset start, List<WindowBlobInfo> sources, WindowSummary? reference, CheckPolicy modelPolicy, CancellationToken cancellationToken)
    {
        var name = CheckResultStore.BlobName(tier.Name, model.ModelId, model.ModelVersion, start);
        var fingerprint = SourceFingerprint.Of(sources);
        if (await results.ReadFingerprintAsync(name, cancellationToken) == fingerprint)
        {
            return new CheckRunResult(0, 1, 0, 0, 0);
        }

        var current = new WindowSummary(model.ModelId, model.ModelVersion, start, start + tier.Length);
        var reading = string.Empty;
        try
        {
            foreach (var source in sources)
            {
                reading = source.Name;
                if (await reader.ReadBlobAsync(source.Name, cancellationToken) is { } part)
                {
                    current.Merge(part);
                }
            }
        }
        catch (FormatException ex)
        {
            // A corrupt blob fails this window only; the run carries on and reports it.
            CheckRunnerLog.CorruptWindowBlob(log, tier.Name, start, model.ModelId, model.ModelVersion, (ex as CorruptBlobException)?.BlobName ?? reading, ex);
            return new CheckRunResult(0, 0, 0, 0, 1);
        }

        var trailing = await TrailingBaselineAsync(model, start, tier, cancellationToken);
        if (reference is null && trailing is null)
        {
            return new CheckRunResult(0, 0, 1, 0, 0);
        }

        var history = await ReadHistoryAsync(model, tier.Name, tier, start, modelPolicy.Persistence.Window, cancellationToken);
        var result = CheckEvaluator.Evaluate(reference, trailing, current, modelPolicy, history);

        // Alerts first: a crash before the result is written re-evaluates and re-raises, which the dedup key absorbs.
        var raised = await alerts.RecordAsync(AlertEvaluation.From(result), cancellationToken);
        evaluated?.Invoke(result, raised);
        await results.WriteAsync(name, Encoding.UTF8.GetBytes(CheckResultJson.Serialize(result)), fingerprint, cancellationToken);
        return new CheckRunResult(1, 0, 0, raised.Count, 0);
    }

    /// <summary>Condition keys of the previous <c>Window − 1</c> windows of this series, most recent first (null: none stored).</summary>
    private async Task<IReadOnlyList<IReadOnlySet<string>?>> ReadHistoryAsync(
        ModelVersionRef model, string tierName, Granularity tier, DateTimeOffset start, int window, CancellationToken cancellationToken)
    {
        var history = new List<IReadOnlySet<string>?>();
        for (var back = 1; back < window; back++)
        {
            var name = CheckResultStore.BlobName(tierName, model.ModelId, model.ModelVersion, start - (back * tier.Length));
            var stored = await results.ReadAsync(name, cancellationToken);
            history.Add(stored is null ? null : CheckResultJson.ReadConditionKeys(stored.ToMemory().Span));
        }

        return history;
    }

    /// <summary>
    /// The model's "checks" section over the "*" defaults from the config store; without a store, the runner's policy.
    /// A stored document that no longer validates fails this model (logged and counted), never the others.
    /// </summary>
    private async Task<CheckPolicy> PolicyForAsync(string modelId, CancellationToken cancellationToken)
    {
        if (configs is null)
        {
            return policy;
        }

        var defaults = await configs.GetAsync(CheckPolicyJson.DefaultsModelId, ConfigSections.Checks, cancellationToken);
        var own = await configs.GetAsync(modelId, ConfigSections.Checks, cancellationToken);
        if (defaults is null && own is null)
        {
            return policy;
        }

        var parsed = CheckPolicyJson.Merge(defaults?.Json, own?.Json);
        return parsed.Policy
            ?? throw new InvalidDataException($"The '{ConfigSections.Checks}' policy of model '{modelId}' is invalid: {string.Join("; ", parsed.Errors)}");
    }

    /// <summary>
    /// The pinned reference narrowed to the window's hours of the day (<see cref="SeasonalReference"/>), read from the
    /// stored windows of the reference's period; the whole reference when the policy does not apply or those windows
    /// are gone or too thin (an uploaded training profile has none).
    /// </summary>
    private async Task<WindowSummary?> SeasonalReferenceAsync(
        ModelVersionRef model,
        WindowSummary? reference,
        DateTimeOffset windowStart,
        DateTimeOffset windowEnd,
        CheckPolicy modelPolicy,
        Dictionary<(DateTimeOffset Start, DateTimeOffset End), WindowSummary?> cache,
        CancellationToken cancellationToken)
    {
        if (reference is null)
        {
            return null;
        }

        var ranges = SeasonalReference.MatchingRanges(reference.WindowStart, reference.WindowEnd, windowStart, windowEnd, modelPolicy.Seasonality);
        if (ranges.Count == 0)
        {
            return reference;
        }

        var key = (ranges[0].Start, ranges[^1].End);
        if (!cache.TryGetValue(key, out var narrowed))
        {
            // A model-wide reference (any version) is matched with every version's windows of its period.
            string? version = string.Equals(reference.ModelVersion, model.ModelVersion, StringComparison.Ordinal) ? model.ModelVersion : null;
            var parts = new List<WindowSummary?>(ranges.Count);
            foreach (var (start, end) in ranges)
            {
                parts.Add(await reader.ReadRangeAsync(model.ModelId, version, start, end, cancellationToken));
            }

            narrowed = SeasonalReference.Combine(reference, parts, modelPolicy.Seasonality);
            cache[key] = narrowed;
        }

        return narrowed ?? reference;
    }

    private async Task<WindowSummary?> TrailingBaselineAsync(ModelVersionRef model, DateTimeOffset start, Granularity tier, CancellationToken cancellationToken)
    {
        WindowSummary? merged = null;
        foreach (var (from, to) in SeasonalReference.TrailingRanges(start, tier.Length))
        {
            if (await reader.ReadRangeAsync(model.ModelId, model.ModelVersion, from, to, cancellationToken) is { } day)
            {
                if (merged is null)
                {
                    merged = day;
                }
                else
                {
                    merged.Merge(day);
                }
            }
        }

        var (hourFrom, hourTo) = SeasonalReference.HourBefore(start);
        return merged ?? await reader.ReadRangeAsync(model.ModelId, model.ModelVersion, hourFrom, hourTo, cancellationToken);
    }

    private static CheckRunResult Add(CheckRunResult a, CheckRunResult b) =>
        new(a.Evaluated + b.Evaluated, a.Unchanged + b.Unchanged, a.WithoutReference + b.WithoutReference, a.AlertsRaised + b.AlertsRaised, a.Failed + b.Failed);
}
