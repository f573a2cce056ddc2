using ModelMonitor.Core.Alerts;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Reports;

/// <summary>
/// Assembles a <see cref="ReportModel"/> from what a run left in the stores: window summaries (through roll-ups where
/// they exist), check results, alert episodes and rollback audit records. It never looks at how the data got there.
/// </summary>
/// <param name="summaries">Window summaries and roll-ups.</param>
/// <param name="checkResults">Drift and quality check results.</param>
/// <param name="episodes">Alert episodes.</param>
/// <param name="rollbacks">Rollback audit records; null when the account keeps none.</param>
/// <param name="timeProvider">For the report's generation time.</param>
public sealed class ReportModelBuilder(
    SummaryReader summaries, CheckResultStore checkResults, IAlertEpisodeStore episodes, TableRollbackAuditStore? rollbacks, TimeProvider timeProvider)
{
    public async Task<ReportModel> BuildAsync(ReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var versions = await ModelVersionsAsync(request.ModelIds, cancellationToken);
        var sections = new List<ModelSection>();
        var allEpisodes = new List<AlertEpisode>();
        foreach (var (modelId, modelVersions) in versions.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var modelEpisodes = (await episodes.ListAsync(modelId, cancellationToken))
                .Where(e => e.LastSeen >= request.From && e.FirstSeen < request.To)
                .ToList();
            allEpisodes.AddRange(modelEpisodes);
            var flagged = modelEpisodes.Where(FlagsCaller).Select(e => e.Feature!).ToHashSet(StringComparer.Ordinal);
            var serving = await ServingReport.ReadAsync(summaries, modelId, modelVersions, request, flagged, cancellationToken);
            var checks = await CheckResultSeries.ReadAsync(checkResults, modelId, request, cancellationToken);
            var audits = rollbacks is null ? [] : await rollbacks.ListAsync(modelId, cancellationToken);
            sections.Add(new ModelSection(
                modelId,
                serving.Versions,
                checks.Drift,
                serving.Serving,
                serving.Callers,
                checks.Quality,
                [.. audits.Where(a => a.RecordedAt >= request.From && a.RecordedAt < request.To).Select(ToReport)]));
        }

        return new ReportModel(
            timeProvider.GetUtcNow().ToUnixTimeSeconds(), request.From.ToUnixTimeSeconds(), request.To.ToUnixTimeSeconds(), sections, IncidentTimeline.Group(allEpisodes));
    }

    /// <summary>An abuse episode names its caller in <see cref="AlertEpisode.Feature"/>.</summary>
    private static bool FlagsCaller(AlertEpisode e) => e.Kind == Core.Checks.AlertKind.Abuse && !string.IsNullOrEmpty(e.Feature);

    private async Task<Dictionary<string, List<string>>> ModelVersionsAsync(IReadOnlyList<string> modelIds, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var model in summaries.ListModelVersionsAsync(cancellationToken))
        {
            if (modelIds.Count > 0 && !modelIds.Contains(model.ModelId, StringComparer.Ordinal))
            {
                continue;
            }

            if (!versions.TryGetValue(model.ModelId, out var list))
            {
                list = [];
                versions[model.ModelId] = list;
            }

            list.Add(model.ModelVersion);
        }

        return versions;
    }

    private static ReportRollback ToReport(Core.Rollbacks.RollbackAuditRecord a) => new(
        a.InstanceId, a.Site, a.RequestedBy, a.Reason, a.DryRun, a.FromVersion, a.ToVersion, a.Outcome, a.RecordedAt.ToUnixTimeSeconds(),
        [.. a.Steps.Select(s => new ReportRollbackStep(s.Name, s.Status, s.At, s.Detail))]);
}
