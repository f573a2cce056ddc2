using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Lineage;

/// <summary>
/// Groups the alerts of one period (typically one check run over all models) into incidents along the lineage.
/// </summary>
/// <remarks>
/// <para>
/// An upstream alert <em>explains</em> a downstream alert when the upstream alert's model is an ancestor of the
/// downstream alert's model and the two windows overlap, or the downstream window starts within
/// <see cref="IncidentGroupingOptions.Lag"/> after the upstream window starts. A downstream alert that starts before the
/// upstream one (outside the lag) is not explained by it: an effect does not precede its cause.
/// </para>
/// <para>
/// Alerts no other alert explains are the roots. Each explained alert follows its explainers up to a root and joins
/// the incident of that root's model; when several roots are reachable (two failing upstreams, a diamond) the
/// earliest wins (by window start, then model id, then dedupe key), so the choice is deterministic. Models on a
/// lineage cycle are ancestors of each other; between them only an earlier alert explains a later one, which keeps
/// the explanation acyclic, so grouping terminates on any graph.
/// </para>
/// <para>
/// The incident id is <c>inc-</c> and the first 32 hex digits of SHA-256 over the root model, the dedupe key of its
/// earliest root alert and the period start: re-running over the same alerts gives the same ids.
/// </para>
/// </remarks>
public static class IncidentGrouper
{
    /// <summary>Groups <paramref name="alerts"/>; an alert given twice (same dedupe key) counts once.</summary>
    /// <param name="alerts">The alerts of the period, in any order.</param>
    /// <param name="graph">The lineage; <see cref="LineageGraph.Empty"/> makes every model its own incident.</param>
    /// <param name="periodStart">Start of the period the alerts were raised for; part of the incident id.</param>
    /// <param name="options">Attribution lag.</param>
    public static IncidentGrouping Group(
        IEnumerable<MonitorAlert> alerts,
        LineageGraph graph,
        DateTimeOffset periodStart,
        IncidentGroupingOptions options)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var ordered = Deduplicate(alerts);
        var ancestors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var model in ordered.Select(static a => a.ModelId).Distinct(StringComparer.Ordinal))
        {
            ancestors[model] = new HashSet<string>(graph.Ancestors(model), StringComparer.Ordinal);
        }

        var explainers = new List<int>[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            explainers[i] = [];
            for (var j = 0; j < ordered.Count; j++)
            {
                if (Explains(ordered, ancestors, j, i, options.Lag))
                {
                    explainers[i].Add(j);
                }
            }
        }

        var roots = new int?[ordered.Count];
        var incidents = new List<Incident>();
        var byRootModel = ordered
            .Select((alert, index) => (Alert: alert, Root: ordered[RootOf(index, explainers, roots)]))
            .GroupBy(static x => x.Root.ModelId, StringComparer.Ordinal);
        foreach (var group in byRootModel)
        {
            incidents.Add(Build(group.Key, [.. group.Select(static x => x.Alert)], graph, periodStart));
        }

        incidents.Sort(static (a, b) =>
        {
            var byFirstSeen = a.FirstSeen.CompareTo(b.FirstSeen);
            return byFirstSeen != 0 ? byFirstSeen : string.CompareOrdinal(a.Id, b.Id);
        });
        return new IncidentGrouping(incidents);
    }

    private static List<MonitorAlert> Deduplicate(IEnumerable<MonitorAlert> alerts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<MonitorAlert>();
        foreach (var alert in alerts)
        {
            ArgumentNullException.ThrowIfNull(alert, nameof(alerts));
            if (seen.Add(alert.DedupKey))
            {
                result.Add(alert);
            }
        }

        result.Sort(CompareAlerts);
        return result;
    }

    private static int CompareAlerts(MonitorAlert a, MonitorAlert b)
    {
        var byStart = a.WindowStart.CompareTo(b.WindowStart);
        if (byStart != 0)
        {
            return byStart;
        }

        var byModel = string.CompareOrdinal(a.ModelId, b.ModelId);
        return byModel != 0 ? byModel : string.CompareOrdinal(a.DedupKey, b.DedupKey);
    }

    // Indexes are in CompareAlerts order, so "upstream index < downstream index" means "earlier".
    private static bool Explains(List<MonitorAlert> ordered, Dictionary<string, HashSet<string>> ancestors, int upstream, int downstream, TimeSpan lag)
    {
        var u = ordered[upstream];
        var d = ordered[downstream];
        if (string.Equals(u.ModelId, d.ModelId, StringComparison.Ordinal) || !ancestors[d.ModelId].Contains(u.ModelId))
        {
            return false;
        }

        // On a cycle each model is the other's ancestor: only the earlier alert may explain the later one.
        if (ancestors[u.ModelId].Contains(d.ModelId) && upstream > downstream)
        {
            return false;
        }

        var overlap = u.WindowStart < d.WindowEnd && d.WindowStart < u.WindowEnd;
        var withinLag = d.WindowStart >= u.WindowStart && d.WindowStart - u.WindowStart <= lag;
        return overlap || withinLag;
    }

    // The explanation relation is acyclic (see Explains), so the recursion terminates; memoized in roots.
    private static int RootOf(int index, List<int>[] explainers, int?[] roots)
    {
        if (roots[index] is { } known)
        {
            return known;
        }

        var root = index;
        if (explainers[index].Count > 0)
        {
            root = int.MaxValue;
            foreach (var explainer in explainers[index])
            {
                root = Math.Min(root, RootOf(explainer, explainers, roots));
            }
        }

        roots[index] = root;
        return root;
    }

    private static Incident Build(string rootModel, List<MonitorAlert> alerts, LineageGraph graph, DateTimeOffset periodStart)
    {
        var rootAlerts = alerts.Where(a => string.Equals(a.ModelId, rootModel, StringComparison.Ordinal)).ToList();
        var id = IncidentId(rootModel, rootAlerts[0].DedupKey, periodStart);
        var members = alerts
            .Select(alert =>
            {
                var isRoot = string.Equals(alert.ModelId, rootModel, StringComparison.Ordinal);
                var path = isRoot ? [rootModel] : graph.PathBetween(rootModel, alert.ModelId)
                    ?? throw new InvalidOperationException($"'{alert.ModelId}' was attributed to '{rootModel}' without a lineage path.");
                return new IncidentMember(id, rootModel, alert, isRoot ? AlertRelation.Root : AlertRelation.Downstream, path);
            })
            .OrderBy(static m => m.Relation)
            .ThenBy(static m => m.Path.Count)
            .ThenBy(static m => m.Alert, Comparer<MonitorAlert>.Create(CompareAlerts))
            .ToList();
        return new Incident(
            id,
            rootModel,
            rootAlerts,
            members,
            alerts.Min(static a => a.WindowStart),
            alerts.Max(static a => a.WindowEnd),
            alerts.Max(static a => a.Severity));
    }

    private static string IncidentId(string rootModel, string rootDedupKey, DateTimeOffset periodStart)
    {
        var text = string.Join(
            '\n',
            rootModel,
            rootDedupKey,
            periodStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return "inc-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
