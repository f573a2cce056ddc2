using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Operations;

/// <summary>What one evaluation of the operational checks produced: alerts to raise and every condition's outcome.</summary>
/// <param name="Alerts">Alerts for the conditions that fired.</param>
/// <param name="Conditions">Every condition evaluated, fired or not (clear, history too short, below volume, disabled).</param>
public sealed record OperationalCheckResult(IReadOnlyList<MonitorAlert> Alerts, IReadOnlyList<ConditionOutcome> Conditions);
