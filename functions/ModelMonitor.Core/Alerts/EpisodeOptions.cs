namespace ModelMonitor.Core.Alerts;

/// <summary>How episodes resolve and how often they may notify.</summary>
public sealed record EpisodeOptions
{
    /// <summary>Clear evaluations in a row that resolve a firing episode.</summary>
    /// <value>3.</value>
    public int ClearEvaluationsToResolve { get; init; } = 3;

    /// <summary>No reminder within this period of the last notification; a severity rise is sent regardless.</summary>
    /// <value>6 hours.</value>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromHours(6);

    /// <summary>The defaults.</summary>
    public static EpisodeOptions Default { get; } = new();

    /// <summary>Throws when a value is out of range.</summary>
    public EpisodeOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ClearEvaluationsToResolve, 1, nameof(ClearEvaluationsToResolve));
        ArgumentOutOfRangeException.ThrowIfLessThan(Cooldown, TimeSpan.Zero, nameof(Cooldown));
        return this;
    }
}
