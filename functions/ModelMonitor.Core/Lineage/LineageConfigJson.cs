using System.Text.Json;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Lineage;

/// <summary>
/// The configured lineage document, <c>{"edges":[{"upstream":"embedder","downstream":"pricing"}]}</c>. Unknown members
/// are rejected so that a typo is not silently ignored; every error names the JSON path it is about
/// (e.g. <c>$.edges[1].downstream</c>).
/// </summary>
public static class LineageConfigJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses the document into configured edges; on bad input returns null and the reason, never throws.</summary>
    public static IReadOnlyList<LineageEdge>? TryParse(string json, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            error = $"$: not valid JSON ({ex.Message})";
            return null;
        }

        using (document)
        {
            return Read(document.RootElement, out error);
        }
    }

    private static List<LineageEdge>? Read(JsonElement root, out string? error)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "$: expected an object with an 'edges' array.";
            return null;
        }

        JsonElement? edgesElement = null;
        foreach (var member in root.EnumerateObject())
        {
            if (member.NameEquals("edges"))
            {
                edgesElement = member.Value;
            }
            else
            {
                error = $"$.{member.Name}: unknown member (expected 'edges').";
                return null;
            }
        }

        if (edgesElement is not { ValueKind: JsonValueKind.Array } edges)
        {
            error = "$.edges: required, and must be an array.";
            return null;
        }

        var result = new List<LineageEdge>();
        var seen = new HashSet<(string, string)>();
        var index = 0;
        foreach (var item in edges.EnumerateArray())
        {
            var path = $"$.edges[{index}]";
            var edge = ReadEdge(item, path, out error);
            if (edge is null)
            {
                return null;
            }

            if (!seen.Add((edge.Upstream, edge.Downstream)))
            {
                error = $"{path}: duplicate edge '{edge.Upstream}' -> '{edge.Downstream}'.";
                return null;
            }

            result.Add(edge);
            index++;
        }

        error = null;
        return result;
    }

    private static LineageEdge? ReadEdge(JsonElement item, string path, out string? error)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            error = $"{path}: expected an object {{\"upstream\":…,\"downstream\":…}}.";
            return null;
        }

        string? upstream = null;
        string? downstream = null;
        foreach (var member in item.EnumerateObject())
        {
            var memberPath = $"{path}.{member.Name}";
            if (!member.NameEquals("upstream") && !member.NameEquals("downstream"))
            {
                error = $"{memberPath}: unknown member (expected 'upstream' and 'downstream').";
                return null;
            }

            var value = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : null;
            if (value is null || !Identifiers.IsValidPathId(value))
            {
                error = $"{memberPath}: expected a model id of 1-64 characters from [A-Za-z0-9._-].";
                return null;
            }

            if (member.NameEquals("upstream"))
            {
                upstream = value;
            }
            else
            {
                downstream = value;
            }
        }

        if (upstream is null || downstream is null)
        {
            error = $"{path}.{(upstream is null ? "upstream" : "downstream")}: required.";
            return null;
        }

        if (string.Equals(upstream, downstream, StringComparison.Ordinal))
        {
            error = $"{path}: model '{upstream}' cannot be its own upstream.";
            return null;
        }

        error = null;
        return new LineageEdge(upstream, downstream, LineageEdgeSources.Configured);
    }
}
