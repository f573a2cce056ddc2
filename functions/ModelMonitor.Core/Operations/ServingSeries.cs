using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Operations;

/// <summary>
/// Serving numbers of a model per version and for all versions together, per hour and per day, built from a
/// <see cref="ServingHistory"/>. Inside the coverage an hour or day without events is an explicit zero point; outside
/// it the series answers null (unknown), so a rule can tell "no traffic" from "no history".
/// </summary>
/// <remarks>Day points are computed on first use and cached: not thread-safe.</remarks>
public sealed class ServingSeries
{
    private readonly Dictionary<string, SortedDictionary<DateTimeOffset, WindowSummary>> _byVersion = new(StringComparer.Ordinal);
    private readonly Dictionary<DateTimeOffset, WindowSummary> _all = [];
    private readonly Dictionary<(string Version, DateTimeOffset Start), ServingPoint> _hourPoints = [];
    private readonly Dictionary<(string Version, DateTimeOffset Start), ServingPoint> _dayPoints = [];
    private readonly ErrorStatuses _statuses;

    private ServingSeries(ServingHistory history, ErrorStatuses statuses)
    {
        ModelId = history.ModelId;
        CoverageStart = history.CoverageStart;
        _statuses = statuses;
        foreach (var summary in history.Hours)
        {
            var hour = Granularity.Hour.Floor(summary.WindowStart);
            if (!_byVersion.TryGetValue(summary.ModelVersion, out var hours))
            {
                hours = [];
                _byVersion[summary.ModelVersion] = hours;
            }

            if (hours.TryGetValue(hour, out var existing))
            {
                existing.Merge(summary);
            }
            else
            {
                hours[hour] = summary.Clone();
            }
        }

        foreach (var (version, hours) in _byVersion)
        {
            foreach (var (hour, summary) in hours)
            {
                _hourPoints[(version, hour)] = ServingPoint.From(summary, hour, Granularity.Hour.Length, statuses);
                if (_all.TryGetValue(hour, out var merged))
                {
                    merged.Merge(summary);
                }
                else
                {
                    _all[hour] = summary.Clone();
                }
            }
        }

        foreach (var (hour, summary) in _all)
        {
            _hourPoints[(WindowSummary.AnyVersion, hour)] = ServingPoint.From(summary, hour, Granularity.Hour.Length, statuses);
        }

        Versions = [.. _byVersion.OrderBy(v => v.Value.Keys.First()).ThenBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key)];
    }

    public string ModelId { get; }

    public DateTimeOffset CoverageStart { get; }

    /// <summary>Versions in the order they first served.</summary>
    public IReadOnlyList<string> Versions { get; }

    public static ServingSeries Build(ServingHistory history, ErrorStatuses? statuses = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new ServingSeries(history, statuses ?? ErrorStatuses.Default);
    }

    /// <summary>First hour a version served; null for an unknown version.</summary>
    public DateTimeOffset? FirstServed(string version) =>
        _byVersion.TryGetValue(version, out var hours) ? hours.Keys.First() : null;

    /// <summary>The hour starting at <paramref name="start"/> for a version (null: all versions); null outside the coverage.</summary>
    public ServingPoint? Hour(DateTimeOffset start, string? version = null)
    {
        if (start < CoverageStart)
        {
            return null;
        }

        return _hourPoints.TryGetValue((version ?? WindowSummary.AnyVersion, start), out var point)
            ? point
            : ServingPoint.Empty(start, Granularity.Hour.Length);
    }

    /// <summary>The UTC day starting at <paramref name="start"/> (all versions, or one); null unless the coverage spans all of it.</summary>
    public ServingPoint? Day(DateTimeOffset start, string? version = null)
    {
        if (start < CoverageStart || Granularity.Day.Floor(start) != start)
        {
            return null;
        }

        var key = (version ?? WindowSummary.AnyVersion, start);
        if (_dayPoints.TryGetValue(key, out var cached))
        {
            return cached;
        }

        WindowSummary? merged = null;
        for (var hour = start; hour < start + Granularity.Day.Length; hour += Granularity.Hour.Length)
        {
            if (Summary(hour, version) is { } part)
            {
                merged ??= new WindowSummary(ModelId, version ?? WindowSummary.AnyVersion, start, start + Granularity.Day.Length);
                merged.Merge(part);
            }
        }

        var point = merged is null
            ? ServingPoint.Empty(start, Granularity.Day.Length)
            : ServingPoint.From(merged, start, Granularity.Day.Length, _statuses);
        _dayPoints[key] = point;
        return point;
    }

    /// <summary>The stored summary of an hour (one version, or all merged); null when that hour served nothing.</summary>
    public WindowSummary? Summary(DateTimeOffset hour, string? version = null)
    {
        if (version is null)
        {
            return _all.GetValueOrDefault(hour);
        }

        return _byVersion.TryGetValue(version, out var hours) ? hours.GetValueOrDefault(hour) : null;
    }
}
