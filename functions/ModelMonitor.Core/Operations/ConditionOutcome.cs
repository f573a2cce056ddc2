using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// One condition evaluated by <see cref="OperationalChecks"/>: its identity (kind, subkind, version, as in a
/// <see cref="MonitorAlert"/>), its state and the numbers behind it, whether or not it fired.
/// </summary>
/// <param name="Kind">One of <see cref="AlertKind"/>.</param>
/// <param name="Subkind">The rule and metric, e.g. <c>hourly/requests</c>, <c>silence</c>, <c>latency-p95</c>.</param>
/// <param name="ModelVersion">The version judged, or <c>*</c> for model-level conditions.</param>
/// <param name="State">What the evaluation came to.</param>
/// <param name="Detail">Why, in a few words (e.g. which history is missing).</param>
/// <param name="Evidence">Numbers behind the state; finite or null.</param>
public sealed record ConditionOutcome(
    string Kind,
    string? Subkind,
    string ModelVersion,
    ConditionState State,
    string? Detail,
    IReadOnlyDictionary<string, double?> Evidence)
{
    /// <summary>An outcome without numbers.</summary>
    public static ConditionOutcome Without(string kind, string? subkind, string version, ConditionState state, string detail) =>
        new(kind, subkind, version, state, detail, new Dictionary<string, double?>());
}
