namespace ModelMonitor.Core.Recommenders;

/// <summary>Subkinds of <c>feedback-loop</c> alerts.</summary>
public static class FeedbackLoopSubkind
{
    /// <summary>The click-through rate fell against the model's own recent days.</summary>
    public const string CtrDrop = "ctr-drop";

    /// <summary>Fewer distinct items recommended, day after day, at a steady volume.</summary>
    public const string DiversityNarrowing = "diversity-narrowing";

    /// <summary>Less of the long tail recommended, day after day.</summary>
    public const string LongTailNarrowing = "long-tail-narrowing";
}
