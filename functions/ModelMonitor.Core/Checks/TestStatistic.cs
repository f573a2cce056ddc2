namespace ModelMonitor.Core.Checks;

/// <summary>
/// A test statistic and its unadjusted two-sided p-value (KS D, or the z of the two-proportion test). On the sketch
/// path a numeric feature decided by distance carries its KS p-value only when the significance guard needed it: at
/// large effective sizes that p-value is the costliest part of a check, and nothing else uses it.
/// </summary>
public sealed record TestStatistic(double Statistic, double? PValue);
