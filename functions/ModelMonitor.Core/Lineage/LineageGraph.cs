namespace ModelMonitor.Core.Lineage;

/// <summary>
/// Which model depends on which: configured and learned edges merged (an edge named twice is one edge carrying both
/// sources). Immutable. Cycles are allowed (lineage can be misconfigured, or learned from a feedback loop): they are
/// reported in <see cref="Cycles"/>, and every traversal visits each model at most once, so it terminates.
/// </summary>
public sealed class LineageGraph
{
    private readonly Dictionary<string, SortedSet<string>> _downstream = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _upstream = new(StringComparer.Ordinal);

    /// <summary>Builds the graph from edges of any source; duplicates merge.</summary>
    public LineageGraph(IEnumerable<LineageEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var merged = new Dictionary<(string Upstream, string Downstream), LineageEdgeSources>();
        foreach (var edge in edges)
        {
            ArgumentNullException.ThrowIfNull(edge, nameof(edges));
            var key = (edge.Upstream, edge.Downstream);
            merged[key] = merged.GetValueOrDefault(key) | edge.Sources;
            Neighbours(_downstream, edge.Upstream).Add(edge.Downstream);
            Neighbours(_upstream, edge.Downstream).Add(edge.Upstream);
        }

        Edges = [.. merged
            .OrderBy(static e => e.Key.Upstream, StringComparer.Ordinal)
            .ThenBy(static e => e.Key.Downstream, StringComparer.Ordinal)
            .Select(static e => new LineageEdge(e.Key.Upstream, e.Key.Downstream, e.Value))];
        Cycles = FindCycles();
    }

    /// <summary>An empty graph: every alert is its own incident.</summary>
    public static LineageGraph Empty { get; } = new([]);

    /// <summary>Configured edges and learned edges in one graph.</summary>
    public static LineageGraph Combine(IEnumerable<LineageEdge> configured, IEnumerable<LineageEdge> learned)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(learned);
        return new LineageGraph(configured.Concat(learned));
    }

    /// <summary>Every edge once, ordered by upstream then downstream.</summary>
    public IReadOnlyList<LineageEdge> Edges { get; }

    /// <summary>
    /// The models on a cycle, one list per group of mutually dependent models (a strongly connected component of two
    /// or more models), each sorted, ordered by first member. Empty when the graph is acyclic.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles { get; }

    /// <summary>Models that <paramref name="modelId"/> directly depends on, sorted.</summary>
    public IReadOnlyList<string> UpstreamOf(string modelId) => Direct(_upstream, modelId);

    /// <summary>Models that directly depend on <paramref name="modelId"/>, sorted.</summary>
    public IReadOnlyList<string> DownstreamOf(string modelId) => Direct(_downstream, modelId);

    /// <summary>Every model <paramref name="modelId"/> depends on, directly or not; itself only when on a cycle. Sorted.</summary>
    public IReadOnlyList<string> Ancestors(string modelId) => [.. Reachable(_upstream, modelId).Order(StringComparer.Ordinal)];

    /// <summary>Every model that depends on <paramref name="modelId"/>, directly or not; itself only when on a cycle. Sorted.</summary>
    public IReadOnlyList<string> Descendants(string modelId) => [.. Reachable(_downstream, modelId).Order(StringComparer.Ordinal)];

    /// <summary>
    /// A shortest chain of models from <paramref name="from"/> down to <paramref name="to"/>, both included; among
    /// equally short chains the one first in ordinal order. <c>[from]</c> when they are the same model; null when
    /// <paramref name="to"/> does not depend on <paramref name="from"/>.
    /// </summary>
    public IReadOnlyList<string>? PathBetween(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return [from];
        }

        var previous = new Dictionary<string, string>(StringComparer.Ordinal) { [from] = from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in Direct(_downstream, current))
            {
                if (!previous.TryAdd(next, current))
                {
                    continue;
                }

                if (string.Equals(next, to, StringComparison.Ordinal))
                {
                    var path = new List<string> { to };
                    for (var step = current; !string.Equals(step, from, StringComparison.Ordinal); step = previous[step])
                    {
                        path.Add(step);
                    }

                    path.Add(from);
                    path.Reverse();
                    return path;
                }

                queue.Enqueue(next);
            }
        }

        return null;
    }

    private static SortedSet<string> Neighbours(Dictionary<string, SortedSet<string>> adjacency, string modelId)
    {
        if (!adjacency.TryGetValue(modelId, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            adjacency[modelId] = set;
        }

        return set;
    }

    private static IReadOnlyList<string> Direct(Dictionary<string, SortedSet<string>> adjacency, string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        return adjacency.TryGetValue(modelId, out var set) ? [.. set] : [];
    }

    private static HashSet<string> Reachable(Dictionary<string, SortedSet<string>> adjacency, string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([modelId]);
        while (stack.TryPop(out var current))
        {
            if (!adjacency.TryGetValue(current, out var next))
            {
                continue;
            }

            foreach (var model in next)
            {
                if (seen.Add(model))
                {
                    stack.Push(model);
                }
            }
        }

        return seen;
    }

    // Models on a cycle are those that reach themselves; two of them share a cycle group when each reaches the other.
    // Quadratic in the number of models, which is fine for a lineage of hundreds of models.
    private List<IReadOnlyList<string>> FindCycles()
    {
        var reach = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var model in _downstream.Keys)
        {
            reach[model] = Reachable(_downstream, model);
        }

        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var model in reach.Keys.Order(StringComparer.Ordinal))
        {
            if (assigned.Contains(model) || !reach[model].Contains(model))
            {
                continue;
            }

            var group = reach[model]
                .Where(other => reach.TryGetValue(other, out var back) && back.Contains(model))
                .Order(StringComparer.Ordinal)
                .ToList();
            assigned.UnionWith(group);
            cycles.Add(group);
        }

        return cycles;
    }
}
