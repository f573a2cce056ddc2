using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Checks;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Service.Reports;

/// <summary>A model's hourly serving numbers and per-caller requests, read the way the operational and abuse runners read them.</summary>
internal sealed record ServingReport(IReadOnlyList<string> Versions, ServingSection Serving, CallerSection Callers)
{
    public static async Task<ServingReport> ReadAsync(
        SummaryReader reader, string modelId, IReadOnlyList<string> versions, ReportRequest request, IReadOnlySet<string> flagged, CancellationToken cancellationToken)
    {
        var served = new List<(string Version, DateTimeOffset Hour)>();
        foreach (var version in versions)
        {
            foreach (var hour in await ServedHoursAsync(reader, modelId, version, request, cancellationToken))
            {
                served.Add((version, hour));
            }
        }

        var policy = OperationalPolicy.Default.UsageSwing;
        var history = served.Count == 0 ? null : await ServingHistoryReader.ReadAsync(reader, modelId, served, cancellationToken);
        if (history is null)
        {
            return new ServingReport(versions, new ServingSection([], [], [], [], policy.HourlyThreshold, new WeeklyServing([], [], [], [], policy.WeeklyThreshold), []), new CallerSection([]));
        }

        var series = ServingSeries.Build(history);
        var hours = new List<DateTimeOffset>();
        for (var hour = history.CoverageStart; hour <= served.Max(s => s.Hour); hour += Granularity.Hour.Length)
        {
            hours.Add(hour);
        }

        var totals = hours.Select(h => series.Hour(h)!).ToList();
        var bands = hours.Select(h => SeasonalBand.Requests(series, h, policy)).ToList();
        var byVersion = series.Versions.Select(v =>
        {
            var points = hours.Select(h => series.Summary(h, v) is null ? null : series.Hour(h, v)).ToList();
            return new VersionServing(
                v,
                [.. points.Select(p => p?.Requests)],
                [.. points.Select(p => Finite(p?.ErrorRate))],
                [.. points.Select(p => Finite(p?.LatencyP50))],
                [.. points.Select(p => Finite(p?.LatencyP95))],
                [.. points.Select(p => Finite(p?.LatencyP99))]);
        }).ToList();

        var serving = new ServingSection(
            [.. hours.Select(h => h.ToUnixTimeSeconds())],
            [.. totals.Select(p => p.Requests)],
            [.. bands.Select(b => b?.Lower)],
            [.. bands.Select(b => b?.Upper)],
            policy.HourlyThreshold,
            Weekly(series, hours, policy),
            byVersion);
        return new ServingReport(series.Versions, serving, CallerRates(series, hours, request.TopCallers, flagged));
    }

    private static WeeklyServing Weekly(ServingSeries series, List<DateTimeOffset> hours, UsageSwingPolicy policy)
    {
        var ends = new List<long>();
        var requests = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        if (hours.Count > 0)
        {
            for (var end = Granularity.Day.Floor(hours[0]) + Granularity.Day.Length; end <= hours[^1] + Granularity.Hour.Length; end += Granularity.Day.Length)
            {
                if (WeeklyUsage.Compare(series, end, ServingMetric.Requests, policy) is { } weekly)
                {
                    ends.Add(end.ToUnixTimeSeconds());
                    requests.Add(weekly.Current);
                    lower.Add(weekly.Baseline * (1 - policy.WeeklyThreshold));
                    upper.Add(weekly.Baseline * (1 + policy.WeeklyThreshold));
                }
            }
        }

        return new WeeklyServing(ends, requests, lower, upper, policy.WeeklyThreshold);
    }

    private static CallerSection CallerRates(ServingSeries series, List<DateTimeOffset> hours, int top, IReadOnlySet<string> flagged)
    {
        var perHour = hours.Select(h => series.Summary(h)?.Callers.All().ToDictionary(c => c.Item, c => c.Count, StringComparer.Ordinal)
            ?? new Dictionary<string, long>(StringComparer.Ordinal)).ToList();
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var counts in perHour)
        {
            foreach (var (caller, count) in counts)
            {
                totals[caller] = totals.GetValueOrDefault(caller) + count;
            }
        }

        var chosen = totals.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(top).Select(t => t.Key)
            .Union(flagged.Where(totals.ContainsKey).Order(StringComparer.Ordinal))
            .ToList();
        return new CallerSection([.. chosen.Select(c => new CallerSeries(c, totals[c], flagged.Contains(c), [.. perHour.Select(h => h.GetValueOrDefault(c))]))]);
    }

    /// <summary>Hours in the request's range (the latest <see cref="ReportRequest.MaxHours"/>) that hold base windows or an hourly roll-up.</summary>
    private static async Task<List<DateTimeOffset>> ServedHoursAsync(SummaryReader reader, string modelId, string version, ReportRequest request, CancellationToken cancellationToken)
    {
        var hours = new SortedSet<DateTimeOffset>();
        foreach (var tier in new[] { reader.BaseGranularity.Name, Granularity.Hour.Name }.Distinct(StringComparer.Ordinal))
        {
            await foreach (var blob in reader.ListWindowBlobsAsync($"{tier}/{modelId}/{version}/", cancellationToken))
            {
                var hour = Granularity.Hour.Floor(blob.Parts.WindowStart);
                if (hour >= Granularity.Hour.Floor(request.From) && hour < request.To)
                {
                    hours.Add(hour);
                }
            }
        }

        return [.. hours.TakeLast(request.MaxHours)];
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
