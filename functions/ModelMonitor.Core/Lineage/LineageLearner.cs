using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Lineage;

/// <summary>Learns lineage edges from the upstream model ids that window summaries count.</summary>
public static class LineageLearner
{
    /// <summary>
    /// Sums, per model (all versions), its prediction events and how often each upstream model was named, and returns
    /// an edge upstream → model for each share strictly above <see cref="LineageLearningOptions.MinimumShare"/>.
    /// A reference to the model itself is ignored. Counts are the summaries' lower bounds, so an approximate counter
    /// can only make an edge less likely, never invent one. Output is ordered by downstream, then upstream.
    /// </summary>
    public static IReadOnlyList<LineageEdge> Learn(IEnumerable<WindowSummary> summaries, LineageLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(options);
        var events = new Dictionary<string, long>(StringComparer.Ordinal);
        var references = new Dictionary<(string Downstream, string Upstream), long>();
        foreach (var summary in summaries)
        {
            ArgumentNullException.ThrowIfNull(summary, nameof(summaries));
            events[summary.ModelId] = events.GetValueOrDefault(summary.ModelId) + summary.EventCount;
            foreach (var item in summary.UpstreamModels.All())
            {
                var key = (summary.ModelId, item.Item);
                references[key] = references.GetValueOrDefault(key) + item.Count;
            }
        }

        var edges = new List<LineageEdge>();
        foreach (var ((downstream, upstream), count) in references)
        {
            var total = events[downstream];
            if (string.Equals(downstream, upstream, StringComparison.Ordinal) || total < options.MinimumEvents
                || !Events.Identifiers.IsValidPathId(upstream))
            {
                continue;
            }

            if ((double)count / total > options.MinimumShare)
            {
                edges.Add(new LineageEdge(upstream, downstream, LineageEdgeSources.Learned));
            }
        }

        edges.Sort(static (a, b) =>
        {
            var byDownstream = string.CompareOrdinal(a.Downstream, b.Downstream);
            return byDownstream != 0 ? byDownstream : string.CompareOrdinal(a.Upstream, b.Upstream);
        });
        return edges;
    }
}
