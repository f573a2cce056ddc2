namespace ModelMonitor.Service.Telemetry;

/// <summary>What one check run reports on its <c>check-run</c> span: models or windows evaluated, alerts raised, failed.</summary>
/// <param name="Evaluated">Models or windows evaluated.</param>
/// <param name="AlertsRaised">Alerts the run's sink took as new.</param>
/// <param name="Failed">Models or windows that failed; counted in <c>modelmonitor.checks.failed</c>.</param>
public readonly record struct CheckRunCounts(int Evaluated, int AlertsRaised, int Failed);
