using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Core.Checks;

/// <summary>Everything <see cref="CheckEvaluator"/> needs to decide: the three policies and which findings become alerts.</summary>
public sealed record CheckPolicy
{
    /// <param name="drift">Feature, prediction and label drift; default <see cref="DriftPolicy.Default"/>.</param>
    /// <param name="dataQuality">Data-quality thresholds; default <see cref="DataQualityPolicy.Default"/>.</param>
    /// <param name="modelQuality">Model-quality thresholds; default <see cref="ModelQualityPolicy.Default"/>.</param>
    /// <param name="minimumAlertSeverity">Findings below this severity are reported in the result but not alerted. Default Warning.</param>
    /// <param name="persistence">How long a condition must hold before it alerts; default <see cref="PersistencePolicy.Default"/>.
    /// Applies only where the history of the series is passed to <see cref="CheckEvaluator"/>.</param>
    /// <param name="disabledKinds">Alert kinds (<see cref="AlertKind"/>) that never alert for this model; default none.</param>
    /// <param name="seasonality">Which part of a pinned reference a window is compared with (<see cref="SeasonalReference"/>);
    /// default <see cref="SeasonalityPolicy.Default"/>: the same hours of the day. Applied by the check runner, which reads them.</param>
    public CheckPolicy(
        DriftPolicy? drift = null,
        DataQualityPolicy? dataQuality = null,
        ModelQualityPolicy? modelQuality = null,
        Severity minimumAlertSeverity = Severity.Warning,
        PersistencePolicy? persistence = null,
        IReadOnlyCollection<string>? disabledKinds = null,
        SeasonalityPolicy? seasonality = null)
    {
        if (!Enum.IsDefined(minimumAlertSeverity))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumAlertSeverity), minimumAlertSeverity, "Unknown severity.");
        }

        Drift = drift ?? DriftPolicy.Default;
        DataQuality = dataQuality ?? DataQualityPolicy.Default;
        ModelQuality = modelQuality ?? ModelQualityPolicy.Default;
        MinimumAlertSeverity = minimumAlertSeverity;
        Persistence = persistence ?? PersistencePolicy.Default;
        Seasonality = seasonality ?? SeasonalityPolicy.Default;
        string? unknown = disabledKinds?.FirstOrDefault(k => !AlertKind.All.Contains(k));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown alert kind '{unknown}'.", nameof(disabledKinds));
        }

        DisabledKinds = disabledKinds is null ? [] : new SortedSet<string>(disabledKinds, StringComparer.Ordinal);
    }

    /// <summary>All defaults.</summary>
    public static CheckPolicy Default { get; } = new();

    public DriftPolicy Drift { get; }

    public DataQualityPolicy DataQuality { get; }

    public ModelQualityPolicy ModelQuality { get; }

    /// <value>Default <see cref="Severity.Warning"/>.</value>
    public Severity MinimumAlertSeverity { get; }

    /// <value>Default <see cref="PersistencePolicy.Default"/>.</value>
    public PersistencePolicy Persistence { get; }

    /// <value>Default <see cref="SeasonalityPolicy.Default"/>.</value>
    public SeasonalityPolicy Seasonality { get; }

    /// <value>Default empty: every kind alerts.</value>
    public IReadOnlySet<string> DisabledKinds { get; }
}
