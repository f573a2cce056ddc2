namespace ModelMonitor.Core.Lineage;

/// <summary>Where a lineage edge comes from; an edge both configured and learned carries both flags.</summary>
[Flags]
public enum LineageEdgeSources
{
    /// <summary>No source (never on an edge of a graph).</summary>
    None = 0,

    /// <summary>Declared in the lineage configuration document.</summary>
    Configured = 1,

    /// <summary>Learned from the <c>upstream</c> fields of a model's events.</summary>
    Learned = 2,
}
