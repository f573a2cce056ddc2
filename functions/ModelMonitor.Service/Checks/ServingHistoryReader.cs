using System.Collections.Concurrent;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Checks;

/// <summary>The reads the hourly serving-based runners (operational, abuse) share: models with their versions, and chosen hours of a model.</summary>
internal static class ServingHistoryReader
{
    /// <summary>Hour reads in flight per model: each hour is one or two small reads, several in flight hide the round trips.</summary>
    public const int ReadConcurrency = 8;

    /// <summary>Every stored model with its versions.</summary>
    public static async Task<Dictionary<string, List<string>>> ModelVersionsAsync(SummaryReader reader, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var model in reader.ListModelVersionsAsync(cancellationToken))
        {
            if (!versions.TryGetValue(model.ModelId, out var list))
            {
                list = [];
                versions[model.ModelId] = list;
            }

            list.Add(model.ModelVersion);
        }

        return versions;
    }

    /// <summary>
    /// The hours of <paramref name="modelId"/> named by <paramref name="slots"/> (version, hour start) that have events, as a
    /// history whose coverage starts at the earliest of them; null when none has.
    /// </summary>
    public static async Task<ServingHistory?> ReadAsync(
        SummaryReader reader, string modelId, IEnumerable<(string Version, DateTimeOffset Hour)> slots, CancellationToken cancellationToken)
    {
        var hours = new ConcurrentBag<WindowSummary>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = ReadConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(slots, options, async (slot, token) =>
        {
            if (await reader.ReadRangeAsync(modelId, slot.Version, slot.Hour, slot.Hour + Granularity.Hour.Length, token) is { EventCount: > 0 } summary)
            {
                hours.Add(summary);
            }
        });

        if (hours.IsEmpty)
        {
            return null;
        }

        // Coverage from the earliest hour read with events: hours before it inside the span served nothing.
        var coverage = Granularity.Hour.Floor(hours.Min(h => h.WindowStart));
        return new ServingHistory(modelId, coverage, hours);
    }
}
