namespace ModelMonitor.Service.Checks;

/// <summary>What one run of <see cref="OperationalCheckRunner"/> did.</summary>
/// <param name="ModelsEvaluated">Models whose operational checks ran.</param>
/// <param name="AlertsRaised">Alerts the sink recorded as new.</param>
/// <param name="ModelsFailed">Models skipped because their summaries could not be read (logged with the model).</param>
public sealed record OperationalRunResult(int ModelsEvaluated, int AlertsRaised, int ModelsFailed);
