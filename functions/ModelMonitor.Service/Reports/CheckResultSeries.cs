using System.Text.Json;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Reports;

/// <summary>
/// Drift scores and label-based quality over a model's stored check results, hourly ones when any exist, else daily.
/// Read as JSON elements rather than as <c>CheckResult</c>: the report only needs a few fields, and a document written
/// by an older or newer release still charts what it has.
/// </summary>
internal sealed record CheckResultSeries(IReadOnlyList<DriftSeries> Drift, QualitySection Quality)
{
    public static async Task<CheckResultSeries> ReadAsync(CheckResultStore store, string modelId, ReportRequest request, CancellationToken cancellationToken)
    {
        var windows = new List<Window>();
        foreach (var tier in new[] { Granularity.Hour.Name, Granularity.Day.Name })
        {
            await foreach (var name in store.ListNamesAsync($"{tier}/{modelId}/", cancellationToken))
            {
                var parts = name.Split('/');
                if (parts.Length != 4 || !BlobNames.TryParseTime(parts[3].Replace(".json", string.Empty, StringComparison.Ordinal), out var start)
                    || start < request.From || start >= request.To)
                {
                    continue;
                }

                if (await store.ReadAsync(name, cancellationToken) is { } content && Parse(parts[2], start, content) is { } window)
                {
                    windows.Add(window);
                }
            }

            if (windows.Count > 0)
            {
                break;
            }
        }

        windows.Sort((a, b) => a.Start.CompareTo(b.Start) is var c and not 0 ? c : string.CompareOrdinal(a.Version, b.Version));
        var drift = windows
            .SelectMany(w => w.Scores.Select(s => (w.Version, w.Start, Score: s)))
            .GroupBy(x => (x.Score.Feature, x.Version))
            .OrderBy(g => g.Key.Version, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Feature == "prediction" ? 0 : 1)
            .ThenBy(g => g.Key.Feature, StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.ToList();
                return new DriftSeries(
                    g.Key.Feature, g.Key.Version, list[^1].Score.Method, list[^1].Score.Threshold,
                    [.. list.Select(x => x.Start.ToUnixTimeSeconds())], [.. list.Select(x => x.Score.Value)], [.. list.Select(x => x.Score.Drifted)]);
            })
            .ToList();
        var quality = new QualitySection(
            [.. windows.Select(w => w.Start.ToUnixTimeSeconds())],
            [.. windows.Select(w => w.Labelled)],
            [.. windows.Select(w => w.Accuracy)],
            [.. windows.Select(w => w.MacroF1)],
            [.. windows.Select(w => w.Mae)],
            [.. windows.Select(w => w.Ece)],
            [.. windows.Select(w => w.Ctr)]);
        return new CheckResultSeries(drift, quality);
    }

    private static Window? Parse(string version, DateTimeOffset start, BinaryData content)
    {
        try
        {
            using var document = JsonDocument.Parse(content.ToMemory());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var scores = new List<Score>();
            if (Get(root, "predictionDrift") is { ValueKind: JsonValueKind.Object } prediction && ReadScore(prediction, "prediction") is { } p)
            {
                scores.Add(p);
            }

            if (Get(root, "drift") is { } drift && Get(drift, "features") is { ValueKind: JsonValueKind.Array } features)
            {
                foreach (var feature in features.EnumerateArray())
                {
                    if (Text(feature, "name") is { } name && ReadScore(feature, name) is { } s)
                    {
                        scores.Add(s);
                    }
                }
            }

            var current = Get(root, "modelQuality") is { } quality ? Get(quality, "current") : null;
            long labelled = current is { } c && Get(c, "labelledCount") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : 0;
            return new Window(
                version,
                start,
                scores,
                labelled,
                Number(current, "classification", "accuracy"),
                Number(current, "classification", "macroF1"),
                Number(current, "regression", "mae"),
                Number(current, "calibration", "ece"),
                Number(current, "clickThrough", "ctr"));
        }
        catch (JsonException)
        {
            // A damaged document is left out of the charts rather than failing the whole report.
            return null;
        }
    }

    private static Score? ReadScore(JsonElement element, string feature)
    {
        var method = Text(element, "method");
        if (method is null || Get(element, "threshold") is not { ValueKind: JsonValueKind.Number } threshold)
        {
            return null;
        }

        double? score = Get(element, "score") is { ValueKind: JsonValueKind.Number } s ? s.GetDouble() : null;
        bool drifted = Get(element, "drifted") is { ValueKind: JsonValueKind.True };
        return new Score(feature, method, threshold.GetDouble(), score, drifted);
    }

    private static double? Number(JsonElement? current, string group, string name) =>
        current is { } c && Get(c, group) is { ValueKind: JsonValueKind.Object } g && Get(g, name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    private static JsonElement? Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? Text(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private sealed record Score(string Feature, string Method, double Threshold, double? Value, bool Drifted);

    private sealed record Window(string Version, DateTimeOffset Start, List<Score> Scores, long Labelled, double? Accuracy, double? MacroF1, double? Mae, double? Ece, double? Ctr);
}
