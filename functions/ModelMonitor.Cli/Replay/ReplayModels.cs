using System.Text.Json;

namespace ModelMonitor.Cli.Replay;

/// <summary>
/// The model ids a replayed file names, so its report shows those models and not every model of a shared account.
/// Lines that are not JSON objects (or arrays of them) with a string <c>modelId</c> name nothing: ingestion
/// dead-letters them anyway.
/// </summary>
internal static class ReplayModels
{
    public static IReadOnlyList<string> From(IEnumerable<ReplayEvent> lines)
    {
        var models = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            try
            {
                using var document = JsonDocument.Parse(line.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Array)
                {
                    foreach (var element in document.RootElement.EnumerateArray())
                    {
                        Add(models, element);
                    }
                }
                else
                {
                    Add(models, document.RootElement);
                }
            }
            catch (JsonException)
            {
                // Not JSON: a dead letter, not a model.
            }
        }

        return [.. models];
    }

    private static void Add(SortedSet<string> models, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("modelId", out var id)
            && id.ValueKind == JsonValueKind.String
            && id.GetString() is { Length: > 0 } modelId)
        {
            models.Add(modelId);
        }
    }
}
