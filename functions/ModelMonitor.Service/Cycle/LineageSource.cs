using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Lineage;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Cycle;

/// <summary>
/// The lineage a run groups its alerts with: the configured edges (the <c>lineage</c> section of the default model
/// <c>*</c> in the policy store, <see cref="LineageConfigJson"/>) plus the edges learned from the <c>upstream</c> fields
/// of the alerting models' recent events (<see cref="LineageLearner"/> over their summaries).
/// </summary>
/// <remarks>A lineage document that does not parse is logged and ignored: bad lineage must not stop the alerts.</remarks>
internal sealed partial class LineageSource(SummaryReader reader, IModelConfigStore configs, ILogger logger)
{
    public async Task<LineageGraph> ReadAsync(IEnumerable<string> alertingModels, DateTimeOffset now, MonitoringCycleOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyList<LineageEdge> configured = [];
        if (await configs.GetAsync(ConfigSections.DefaultModel, ConfigSections.Lineage, cancellationToken) is { } document)
        {
            configured = LineageConfigJson.TryParse(document.Json, out var error) ?? [];
            if (error is not null)
            {
                LogInvalidLineage(logger, error);
            }
        }

        // The upstream field is on the downstream model's events: only alerting models can be explained, so only
        // their summaries are read.
        var summaries = new List<WindowSummary>();
        foreach (var model in alertingModels.Distinct(StringComparer.Ordinal))
        {
            if (await reader.ReadRangeAsync(model, null, now - options.LineageLearningSpan, now, cancellationToken) is { } summary)
            {
                summaries.Add(summary);
            }
        }

        return LineageGraph.Combine(configured, LineageLearner.Learn(summaries, options.Lineage));
    }

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "The lineage document of the policy store is invalid and ignored: {Error}")]
    private static partial void LogInvalidLineage(ILogger logger, string error);
}
