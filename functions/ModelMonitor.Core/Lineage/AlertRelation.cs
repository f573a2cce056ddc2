namespace ModelMonitor.Core.Lineage;

/// <summary>How an alert belongs to its incident.</summary>
public enum AlertRelation
{
    /// <summary>An alert of the root model, the likely cause: it pages.</summary>
    Root = 0,

    /// <summary>An alert of a model downstream of the root, likely an effect: annotated, and not paged separately.</summary>
    Downstream = 1,
}
