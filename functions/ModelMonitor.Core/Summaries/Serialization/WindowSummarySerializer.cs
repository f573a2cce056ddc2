using System.IO.Compression;
using System.Text.Json;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Summaries.Serialization;

/// <summary>
/// Turns a <see cref="WindowSummary"/> into its stored form and back: UTF-8 JSON ("window-summary/v1"),
/// gzip-compressed because quantile sketches dominate the size. Reading rejects anything malformed with
/// <see cref="FormatException"/> rather than returning a half-filled summary.
/// </summary>
public static class WindowSummarySerializer
{
    public const string Schema = "window-summary/v1";

    public static byte[] Serialize(WindowSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, ToDto(summary), SummaryJsonContext.Default.WindowSummaryDto);
        }

        return buffer.ToArray();
    }

    public static WindowSummary Deserialize(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var input = new MemoryStream(bytes.ToArray());
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            var dto = JsonSerializer.Deserialize(gzip, SummaryJsonContext.Default.WindowSummaryDto)
                ?? throw new FormatException("The stored summary is empty.");
            return FromDto(dto);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or ArgumentException or NullReferenceException)
        {
            throw new FormatException($"The stored summary is not a valid {Schema} document: {ex.Message}", ex);
        }
    }

    /// <summary>Uncompressed JSON, for people and tools.</summary>
    public static string ToJson(WindowSummary summary) =>
        JsonSerializer.Serialize(ToDto(summary), SummaryJsonContext.Default.WindowSummaryDto);

    private static WindowSummaryDto ToDto(WindowSummary s) => new(
        Schema,
        s.ModelId,
        s.ModelVersion,
        s.WindowStart,
        s.WindowEnd,
        s.EventCount,
        s.UntrackedFeatureValues,
        s.Features.ToDictionary(kv => kv.Key, kv => ToDto(kv.Value), StringComparer.Ordinal),
        ToDto(s.PredictionScores),
        ToDto(s.PredictionClasses),
        ToDto(s.PredictedLabels),
        ToDto(s.LatencyMs),
        ToDto(s.CpuMs),
        ToDto(s.MemoryMb),
        ToDto(s.Statuses),
        ToDto(s.Callers),
        Convert.ToBase64String(s.DistinctCallers.ToBytes()),
        ToDto(s.Slots),
        ToDto(s.RecommendedItems),
        s.Impressions,
        ToDto(s.UpstreamModels),
        ToDto(s.Outcomes),
        // Written only for recommenders, so other models' blobs stay as they were; older blobs lack it (an empty sketch).
        s.Impressions > 0 ? Convert.ToBase64String(s.DistinctRecommendedItems.ToBytes()) : null,
        ToDto(s.CallerInputs));

    private static CallerInputsDto? ToDto(CallerInputs c) => c.Count == 0 && c.Untracked == 0
        ? null
        : new(c.Capacity, c.Untracked, [.. c.Parts().Select(p => new CallerInputDto(p.CallerId, p.Inputs, p.Weight, Convert.ToBase64String(p.Exact.ToBytes()), Convert.ToBase64String(p.Near.ToBytes())))]);

    private static CallerInputs FromDto(CallerInputsDto? c) => c is null
        ? new CallerInputs()
        : CallerInputs.Restore(c.Capacity, c.Untracked, c.Callers.Select(p => (p.Caller, p.Inputs, p.Weight, HyperLogLog.FromBytes(Convert.FromBase64String(p.Exact)), HyperLogLog.FromBytes(Convert.FromBase64String(p.Near)))));

    private static FeatureDto ToDto(FeatureSummary f) =>
        new(f.Nulls, f.Numbers, f.Strings, f.Booleans, f.Numeric is null ? null : ToDto(f.Numeric), f.Categories is null ? null : ToDto(f.Categories));

    private static NumericDto ToDto(NumericSummary n) =>
        new(n.Count, n.Nan, n.PosInf, n.NegInf, n.Count == 0 ? null : n.Mean, n.M2, Convert.ToBase64String(n.Sketch.ToBytes()));

    private static FrequentDto ToDto(FrequentItems f) =>
        new(f.Capacity, f.TotalCount, f.MaxError, f.All().ToDictionary(i => i.Item, i => i.Count, StringComparer.Ordinal));

    private static OutcomeDto ToDto(OutcomeSummary o) => new(
        o.Count,
        ToDto(o.Labels),
        ToDto(o.LabelValues),
        [.. o.Confusion.Counts.Select(kv => new ConfusionCellDto(kv.Key.Actual, kv.Key.Predicted, kv.Value))],
        o.Confusion.Overflow,
        new RegressionDto(o.Regression.SumError, o.Regression.SumAbsError, o.Regression.SumSquaredError, ToDto(o.Regression.Errors)),
        new CalibrationDto(o.Calibration.Counts, o.Calibration.SumPredicted, o.Calibration.Positives),
        o.Clicks,
        o.OutcomesWithClicks,
        ToDto(o.ClickedItems),
        o.Slices.Count == 0 ? null : o.Slices.ToDictionary(
            f => f.Key,
            f => f.Value.ToDictionary(v => v.Key, v => new SliceDto(v.Value.Classified, v.Value.Correct, v.Value.Regressed, v.Value.SumAbsError), StringComparer.Ordinal),
            StringComparer.Ordinal));

    private static WindowSummary FromDto(WindowSummaryDto d)
    {
        if (d.Schema != Schema)
        {
            throw new FormatException($"Unsupported summary schema '{d.Schema}', expected '{Schema}'.");
        }

        var s = new WindowSummary(d.ModelId, d.ModelVersion, d.WindowStart, d.WindowEnd)
        {
            EventCount = d.EventCount,
            UntrackedFeatureValues = d.UntrackedFeatureValues,
            PredictionScores = FromDto(d.PredictionScores),
            PredictionClasses = FromDto(d.PredictionClasses),
            PredictedLabels = FromDto(d.PredictedLabels),
            LatencyMs = FromDto(d.LatencyMs),
            CpuMs = FromDto(d.CpuMs),
            MemoryMb = FromDto(d.MemoryMb),
            Statuses = FromDto(d.Statuses),
            Callers = FromDto(d.Callers),
            DistinctCallers = HyperLogLog.FromBytes(Convert.FromBase64String(d.DistinctCallers)),
            CallerInputs = FromDto(d.CallerInputs),
            Slots = FromDto(d.Slots),
            RecommendedItems = FromDto(d.RecommendedItems),
            Impressions = d.Impressions,
            DistinctRecommendedItems = d.DistinctRecommendedItems is { } items
                ? HyperLogLog.FromBytes(Convert.FromBase64String(items))
                : new HyperLogLog(WindowSummary.RecommendedItemsPrecision),
            UpstreamModels = FromDto(d.UpstreamModels),
            Outcomes = FromDto(d.Outcomes),
        };
        foreach (var (name, feature) in d.Features)
        {
            s.Features[name] = new FeatureSummary(
                feature.Nulls,
                feature.Numbers,
                feature.Strings,
                feature.Booleans,
                feature.Numeric is null ? null : FromDto(feature.Numeric),
                feature.Categories is null ? null : FromDto(feature.Categories));
        }

        return s;
    }

    private static NumericSummary FromDto(NumericDto n) =>
        new(n.Count, n.Nan, n.PosInf, n.NegInf, n.Mean ?? double.NaN, n.M2, KllSketch.FromBytes(Convert.FromBase64String(n.Sketch)));

    private static FrequentItems FromDto(FrequentDto f) =>
        FrequentItems.Restore(f.Capacity, f.Total, f.MaxError, f.Items.Select(kv => new ItemCount(kv.Key, kv.Value)));

    private static OutcomeSummary FromDto(OutcomeDto o)
    {
        var outcome = new OutcomeSummary
        {
            Count = o.Count,
            Labels = FromDto(o.Labels),
            LabelValues = FromDto(o.LabelValues),
            Regression = new RegressionErrors(o.Regression.SumError, o.Regression.SumAbsError, o.Regression.SumSquaredError, FromDto(o.Regression.Errors)),
            Calibration = new CalibrationBins(o.Calibration.Counts, o.Calibration.SumPredicted, o.Calibration.Positives),
            Clicks = o.Clicks,
            OutcomesWithClicks = o.OutcomesWithClicks,
            ClickedItems = FromDto(o.ClickedItems),
        };
        foreach (var cell in o.Confusion)
        {
            outcome.Confusion.Add(cell.Actual, cell.Predicted, cell.Count);
        }

        outcome.Confusion.Restore(o.ConfusionOverflow);
        foreach (var (feature, values) in o.Slices ?? [])
        {
            foreach (var (value, slice) in values)
            {
                outcome.SliceFor(feature, value)?.Merge(new SliceQuality
                {
                    Classified = slice.Classified, Correct = slice.Correct, Regressed = slice.Regressed, SumAbsError = slice.SumAbsError,
                });
            }
        }

        return outcome;
    }
}
