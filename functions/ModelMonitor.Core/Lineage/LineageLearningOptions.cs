namespace ModelMonitor.Core.Lineage;

/// <summary>When the <c>upstream</c> fields of a model's events are enough to learn an edge.</summary>
public sealed record LineageLearningOptions
{
    /// <param name="minimumShare">Share of the model's prediction events that must name the upstream model, in [0, 1);
    /// the edge is learned when the share is strictly above it. Keeps a stray or mistaken reference out of the graph.</param>
    /// <param name="minimumEvents">Fewest prediction events (summed over the summaries) before anything is learned; at least 1.</param>
    public LineageLearningOptions(double minimumShare = DefaultMinimumShare, long minimumEvents = DefaultMinimumEvents)
    {
        if (!(minimumShare >= 0 && minimumShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumShare), minimumShare, "The share must be in [0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minimumEvents, 1);
        MinimumShare = minimumShare;
        MinimumEvents = minimumEvents;
    }

    /// <value>Default 0.05.</value>
    public const double DefaultMinimumShare = 0.05;

    /// <value>Default 50.</value>
    public const long DefaultMinimumEvents = 50;

    public double MinimumShare { get; }

    public long MinimumEvents { get; }
}
