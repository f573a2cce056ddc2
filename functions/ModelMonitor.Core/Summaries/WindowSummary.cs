using ModelMonitor.Core.Events;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Summaries;

/// <summary>
/// Mergeable summary of one model version's events over a time range (a base window, a roll-up or any union of them).
/// Merge is associative and commutative: counts, min and max merge exactly, sketches within their documented error.
/// </summary>
public sealed class WindowSummary
{
    /// <summary>Distinct features tracked per summary; values of further new features are only counted.</summary>
    public const int MaxFeatures = 2000;

    /// <summary>Model version placeholder for a summary that merges several versions.</summary>
    public const string AnyVersion = "*";

    public WindowSummary(string modelId, string modelVersion, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        ModelId = modelId ?? throw new ArgumentNullException(nameof(modelId));
        ModelVersion = modelVersion ?? throw new ArgumentNullException(nameof(modelVersion));
        if (windowEnd < windowStart)
        {
            throw new ArgumentException($"Window end {windowEnd:O} is before its start {windowStart:O}.", nameof(windowEnd));
        }

        WindowStart = windowStart;
        WindowEnd = windowEnd;
    }

    public string ModelId { get; }

    public string ModelVersion { get; private set; }

    public DateTimeOffset WindowStart { get; private set; }

    public DateTimeOffset WindowEnd { get; private set; }

    /// <summary>Prediction events folded in.</summary>
    public long EventCount { get; internal set; }

    public Dictionary<string, FeatureSummary> Features { get; } = new(StringComparer.Ordinal);

    /// <summary>Feature values dropped because <see cref="MaxFeatures"/> distinct features were already tracked.</summary>
    public long UntrackedFeatureValues { get; internal set; }

    /// <summary>Numeric predictions (scores, regression outputs).</summary>
    public NumericSummary PredictionScores { get; internal set; } = new();

    /// <summary>String or boolean predictions (classes).</summary>
    public FrequentItems PredictionClasses { get; internal set; } = new();

    public FrequentItems PredictedLabels { get; internal set; } = new();

    public NumericSummary LatencyMs { get; internal set; } = new();

    public NumericSummary CpuMs { get; internal set; } = new();

    public NumericSummary MemoryMb { get; internal set; } = new();

    public FrequentItems Statuses { get; internal set; } = new(64);

    public FrequentItems Callers { get; internal set; } = new();

    public HyperLogLog DistinctCallers { get; internal set; } = new();

    /// <summary>
    /// How often the heaviest callers repeat their inputs (exactly, or near-identically), for the abuse check on
    /// scraping and model extraction. Only events with a caller and at least one feature are counted.
    /// </summary>
    public CallerInputs CallerInputs { get; internal set; } = new();

    public FrequentItems Slots { get; internal set; } = new(16);

    /// <summary>
    /// Recommended items shown, counted per appearance. Exact for catalogues of up to <see cref="RecommendedItemsCapacity"/>
    /// items, so long-tail coverage and popularity concentration are exact there; counters grow on demand, so models
    /// without items pay nothing.
    /// </summary>
    public FrequentItems RecommendedItems { get; internal set; } = new(RecommendedItemsCapacity);

    /// <summary>Items <see cref="RecommendedItems"/> counts exactly (and <see cref="OutcomeSummary.ClickedItems"/>).</summary>
    public const int RecommendedItemsCapacity = 2048;

    public long Impressions { get; internal set; }

    /// <summary>
    /// Distinct recommended items (precision 10: about 3% standard error, 1 KiB), for aggregate diversity: the
    /// counter above tracks only the most frequent items of a large catalogue.
    /// </summary>
    public HyperLogLog DistinctRecommendedItems { get; internal set; } = new(RecommendedItemsPrecision);

    /// <summary>HyperLogLog precision of <see cref="DistinctRecommendedItems"/>.</summary>
    public const int RecommendedItemsPrecision = 10;

    public FrequentItems UpstreamModels { get; internal set; } = new(64);

    public OutcomeSummary Outcomes { get; internal set; } = new();

    /// <summary>Folds one validated event in. Outcomes must carry this summary's model; the caller assigns windows.</summary>
    public void Add(MonitoringEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Kind == EventKind.Outcome)
        {
            Outcomes.Add(e);
            return;
        }

        EventCount++;
        // The parsers hand out rows (fast path) or arrays (general path): loops over their arrays avoid an interface
        // call per feature. Index loops otherwise, since enumerating an IReadOnlyList boxes its enumerator.
        if (e.Features is FeatureRow row)
        {
            AddRow(row);
        }
        else if (e.Features is Feature[] array)
        {
            for (var i = 0; i < array.Length; i++)
            {
                AddFeature(array[i], i);
            }
        }
        else
        {
            var features = e.Features;
            for (var i = 0; i < features.Count; i++)
            {
                AddFeature(features[i], i);
            }
        }

        switch (e.Prediction.Kind)
        {
            case ValueKind.Number:
                PredictionScores.Add(e.Prediction.Number);
                break;
            case ValueKind.String or ValueKind.Boolean:
                PredictionClasses.Add(e.Prediction.Text!);
                break;
        }

        if (e.PredictedLabel is not null)
        {
            PredictedLabels.Add(e.PredictedLabel);
        }

        AddIfPresent(LatencyMs, e.LatencyMs);
        AddIfPresent(CpuMs, e.CpuMs);
        AddIfPresent(MemoryMb, e.MemoryMb);
        if (e.Status is not null)
        {
            Statuses.Add(e.Status);
        }

        if (e.CallerId is not null)
        {
            Callers.Add(e.CallerId);
            DistinctCallers.Add(e.CallerId);
            CallerInputs.Add(e.CallerId, e.Features);
        }

        if (e.Slot is not null)
        {
            Slots.Add(e.Slot);
        }

        Impressions += e.Items.Count;
        for (var i = 0; i < e.Items.Count; i++)
        {
            RecommendedItems.Add(e.Items[i]);
            DistinctRecommendedItems.Add(e.Items[i]);
        }

        for (var i = 0; i < e.Upstream.Count; i++)
        {
            UpstreamModels.Add(e.Upstream[i].ModelId);
        }
    }

    public void Merge(WindowSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(ModelId, other.ModelId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Cannot merge model '{other.ModelId}' into '{ModelId}'.", nameof(other));
        }

        if (!string.Equals(ModelVersion, other.ModelVersion, StringComparison.Ordinal))
        {
            ModelVersion = AnyVersion;
        }

        WindowStart = other.WindowStart < WindowStart ? other.WindowStart : WindowStart;
        WindowEnd = other.WindowEnd > WindowEnd ? other.WindowEnd : WindowEnd;
        EventCount += other.EventCount;
        UntrackedFeatureValues += other.UntrackedFeatureValues;
        foreach (var (name, feature) in other.Features)
        {
            if (Features.TryGetValue(name, out var mine))
            {
                mine.Merge(feature);
            }
            else if (Features.Count < MaxFeatures)
            {
                Features[name] = feature.Clone();
            }
            else
            {
                UntrackedFeatureValues += feature.Present + feature.Nulls;
            }
        }

        PredictionScores.Merge(other.PredictionScores);
        PredictionClasses.Merge(other.PredictionClasses);
        PredictedLabels.Merge(other.PredictedLabels);
        LatencyMs.Merge(other.LatencyMs);
        CpuMs.Merge(other.CpuMs);
        MemoryMb.Merge(other.MemoryMb);
        Statuses.Merge(other.Statuses);
        Callers.Merge(other.Callers);
        DistinctCallers.Merge(other.DistinctCallers);
        CallerInputs.Merge(other.CallerInputs);
        Slots.Merge(other.Slots);
        RecommendedItems.Merge(other.RecommendedItems);
        DistinctRecommendedItems.Merge(other.DistinctRecommendedItems);
        Impressions += other.Impressions;
        UpstreamModels.Merge(other.UpstreamModels);
        Outcomes.Merge(other.Outcomes);
    }

    /// <summary>A deep copy, so that merging into it leaves the original untouched.</summary>
    public WindowSummary Clone()
    {
        var copy = new WindowSummary(ModelId, ModelVersion, WindowStart, WindowEnd);
        copy.Merge(this);
        return copy;
    }

    /// <summary>Missing values of a feature: explicit nulls plus events that did not carry it at all.</summary>
    public long MissingCount(FeatureSummary feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return Math.Max(0, EventCount - feature.Present);
    }

    // A row's names are shared by every event of its shape, so they are resolved to summaries once per shape; a few
    // shapes are kept, for a model whose optional features come and go.
    private void AddRow(FeatureRow row)
    {
        var resolved = ResolveShape(row.Names);
        var values = row.Values;
        for (var i = 0; i < values.Length && i < resolved.Length; i++)
        {
            if (resolved[i] is { } summary)
            {
                summary.Add(values[i]);
            }
            else
            {
                UntrackedFeatureValues++;
            }
        }
    }

    private FeatureSummary?[] ResolveShape(string[] names)
    {
        if (ReferenceEquals(_shapeNames[_lastShape], names))
        {
            return _shapeSummaries[_lastShape]!;
        }

        for (var s = 0; s < _shapeNames.Length; s++)
        {
            if (ReferenceEquals(_shapeNames[s], names))
            {
                _lastShape = s;
                return _shapeSummaries[s]!;
            }
        }

        var summaries = new FeatureSummary?[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            summaries[i] = GetOrAddFeature(names[i]);
        }

        _lastShape = _nextShape;
        _nextShape = (_nextShape + 1) % _shapeNames.Length;
        _shapeNames[_lastShape] = names;
        _shapeSummaries[_lastShape] = summaries;
        return summaries;
    }

    /// <summary>The feature's summary, created if there is room; null once <see cref="MaxFeatures"/> are tracked.</summary>
    private FeatureSummary? GetOrAddFeature(string name)
    {
        if (!Features.TryGetValue(name, out var summary))
        {
            if (Features.Count >= MaxFeatures)
            {
                return null;
            }

            summary = new FeatureSummary();
            Features[name] = summary;
        }

        return summary;
    }

    private readonly string[]?[] _shapeNames = new string[4][];
    private readonly FeatureSummary?[]?[] _shapeSummaries = new FeatureSummary?[4][];
    private int _lastShape;
    private int _nextShape;

    private void AddFeature(in Feature feature, int position)
    {
        // Producers send a model's features in the same order with the same (interned) name strings, so a
        // positional reference check usually replaces the dictionary's hash and compare.
        if ((uint)position < (uint)_positional.Length && ReferenceEquals(_positional[position].Name, feature.Name))
        {
            _positional[position].Summary.Add(feature.Value);
            return;
        }

        if (GetOrAddFeature(feature.Name) is not { } summary)
        {
            UntrackedFeatureValues++;
            return;
        }

        if ((uint)position < (uint)_positional.Length)
        {
            _positional[position] = (feature.Name, summary);
        }

        summary.Add(feature.Value);
    }

    private readonly (string? Name, FeatureSummary Summary)[] _positional = new (string?, FeatureSummary)[64];

    private static void AddIfPresent(NumericSummary target, double? value)
    {
        if (value is { } v)
        {
            target.Add(v);
        }
    }
}
