using System.Text.Json.Serialization;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// Silence: the hours since the volume collapsed (to at most <see cref="CollapseFraction"/> of the seasonal
/// expectation) are judged together by a Poisson test, so a busy model alerts in its first silent hour and a quiet one
/// as soon as its missing events are significant, whatever the usage-swing minimum volumes.
/// </summary>
public sealed record SilencePolicy
{
    [JsonConstructor]
    public SilencePolicy(bool enabled = true, double collapseFraction = 0.1, double alpha = 1e-4, int maxGapHours = 72)
    {
        Enabled = enabled;
        CollapseFraction = PolicyGuard.Fraction(collapseFraction, nameof(collapseFraction));
        Alpha = PolicyGuard.Fraction(alpha, nameof(alpha));
        MaxGapHours = PolicyGuard.Range(maxGapHours, 1, 24 * 14, nameof(maxGapHours));
    }

    /// <value>Default true.</value>
    public bool Enabled { get; }

    /// <summary>An hour counts as collapsed when its requests are at most this share of the expectation.</summary>
    /// <value>Default 0.1.</value>
    public double CollapseFraction { get; }

    /// <summary>Poisson lower-tail probability of the observed requests given the expected ones, below which it fires.</summary>
    /// <value>Default 1e-4.</value>
    public double Alpha { get; }

    /// <summary>How far back a gap is followed.</summary>
    /// <value>Default 72 hours.</value>
    public int MaxGapHours { get; }
}
