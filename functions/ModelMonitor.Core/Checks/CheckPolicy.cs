using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>Everything <see cref="CheckEvaluator"/> needs to decide: the three policies and which findings become alerts.</summary>
public sealed record CheckPolicy
{
    /// <param name="drift">Feature, prediction and label drift; default <see cref="DriftPolicy.Default"/>.</param>
    /// <param name="dataQuality">Data-quality thresholds; default <see cref="DataQualityPolicy.Default"/>.</param>
    /// <param name="modelQuality">Model-quality thresholds; default <see cref="ModelQualityPolicy.Default"/>.</param>
    /// <param name="minimumAlertSeverity">Findings below this severity are reported in the result but not alerted. Default Warning.</param>
    public CheckPolicy(
        DriftPolicy? drift = null,
        DataQualityPolicy? dataQuality = null,
        ModelQualityPolicy? modelQuality = null,
        Severity minimumAlertSeverity = Severity.Warning)
    {
        if (!Enum.IsDefined(minimumAlertSeverity))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumAlertSeverity), minimumAlertSeverity, "Unknown severity.");
        }

        Drift = drift ?? DriftPolicy.Default;
        DataQuality = dataQuality ?? DataQualityPolicy.Default;
        ModelQuality = modelQuality ?? ModelQualityPolicy.Default;
        MinimumAlertSeverity = minimumAlertSeverity;
    }

    /// <summary>All defaults.</summary>
    public static CheckPolicy Default { get; } = new();

    public DriftPolicy Drift { get; }

    public DataQualityPolicy DataQuality { get; }

    public ModelQualityPolicy ModelQuality { get; }

    /// <value>Default <see cref="Severity.Warning"/>.</value>
    public Severity MinimumAlertSeverity { get; }
}
