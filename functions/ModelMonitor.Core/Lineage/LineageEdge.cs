using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Lineage;

/// <summary>A dependency between models: <see cref="Downstream"/> consumes the output of <see cref="Upstream"/>.</summary>
public sealed record LineageEdge
{
    /// <param name="upstream">The model depended on; a valid model id.</param>
    /// <param name="downstream">The model that depends on it; a valid model id, not <paramref name="upstream"/>.</param>
    /// <param name="sources">Where the edge comes from; at least one flag.</param>
    public LineageEdge(string upstream, string downstream, LineageEdgeSources sources)
    {
        Identifiers.RequireValidPathId(upstream, nameof(upstream));
        Identifiers.RequireValidPathId(downstream, nameof(downstream));
        if (string.Equals(upstream, downstream, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Model '{upstream}' cannot be its own upstream.", nameof(downstream));
        }

        if (sources == LineageEdgeSources.None || (sources & ~(LineageEdgeSources.Configured | LineageEdgeSources.Learned)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sources), sources, "An edge needs a known source.");
        }

        Upstream = upstream;
        Downstream = downstream;
        Sources = sources;
    }

    public string Upstream { get; }

    public string Downstream { get; }

    public LineageEdgeSources Sources { get; }
}
