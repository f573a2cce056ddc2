using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Abuse;

/// <summary>What one evaluation of the abuse checks produced.</summary>
/// <param name="Alerts">One <see cref="AlertKind.Abuse"/> alert per caller and fired rule.</param>
/// <param name="Callers">Every caller judged in the hour (callers below every minimum and without a quota are not listed).</param>
/// <param name="Detail">Why nothing was judged (disabled, no callers), or null.</param>
public sealed record AbuseCheckResult(IReadOnlyList<MonitorAlert> Alerts, IReadOnlyList<CallerJudgement> Callers, string? Detail = null);
