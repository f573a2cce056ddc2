namespace ModelMonitor.Core.Checks;

/// <summary>
/// Turns one window's conditions into alerts given the conditions of the windows before it (pure: the history is
/// passed in, read by the caller from the stored check results). Controls false alarms over time: a condition that
/// shows once by chance in an hourly series is not news, one that holds is.
/// </summary>
/// <remarks>
/// A condition is identified by <see cref="ConditionKey(MonitorAlert)"/> (kind, subkind, feature: the window start is left out so the
/// same condition matches across windows). Evidence of a fired alert gains <c>heldWindows</c> and <c>ofWindows</c>.
/// </remarks>
public static class AlertPersistence
{
    /// <param name="conditions">This window's candidate alerts (<see cref="CheckResult.Conditions"/>).</param>
    /// <param name="history">Condition keys of the previous windows, most recent first; null for a window that was not
    /// evaluated (no data), which counts as "did not hold". Entries beyond <c>Window − 1</c> are ignored.</param>
    /// <param name="policy">Persistence settings.</param>
    public static IReadOnlyList<MonitorAlert> Apply(
        IReadOnlyList<MonitorAlert> conditions, IReadOnlyList<IReadOnlySet<string>?> history, PersistencePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(policy);
        var fired = new List<MonitorAlert>(conditions.Count);
        int lookedAt = Math.Min(history.Count, policy.Window - 1);
        foreach (MonitorAlert condition in conditions)
        {
            string key = ConditionKey(condition);
            int held = 1;
            for (int i = 0; i < lookedAt; i++)
            {
                if (history[i]?.Contains(key) == true)
                {
                    held++;
                }
            }

            if (held < policy.Required && condition.Severity < policy.ImmediateSeverity)
            {
                continue;
            }

            Severity severity = condition.Severity;
            if (policy.EscalateWhenSustained && policy.Window > 1 && held == policy.Window && severity < Severity.Critical)
            {
                severity++;
            }

            var evidence = new Dictionary<string, double?>(condition.Evidence, StringComparer.Ordinal)
            {
                ["heldWindows"] = held,
                ["ofWindows"] = policy.Window,
            };
            fired.Add(new MonitorAlert(
                condition.Kind,
                condition.Subkind,
                condition.ModelId,
                condition.ModelVersion,
                condition.Feature,
                severity,
                condition.WindowStart,
                condition.WindowEnd,
                evidence,
                condition.Message));
        }

        return fired;
    }

    /// <summary>kind|subkind|feature, the identity of a condition across the windows of one series.</summary>
    public static string ConditionKey(MonitorAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return ConditionKey(alert.Kind, alert.Subkind, alert.Feature);
    }

    /// <summary>kind|subkind|feature with '|' in a component escaped, so keys never collide.</summary>
    public static string ConditionKey(string kind, string? subkind, string? feature) =>
        string.Join('|', Escape(kind), Escape(subkind), Escape(feature));

    private static string Escape(string? component) =>
        (component ?? string.Empty).Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
}
