using System.Text.Json.Serialization;

namespace ModelMonitor.Core.Summaries.Serialization;

// Wire shapes of a stored summary (schema "window-summary/v1"). Kept apart from the domain types so
// the stored format changes only on purpose. Sketches travel as base64 of their own versioned binary form.
internal sealed record WindowSummaryDto(
    string Schema,
    string ModelId,
    string ModelVersion,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    long EventCount,
    long UntrackedFeatureValues,
    Dictionary<string, FeatureDto> Features,
    NumericDto PredictionScores,
    FrequentDto PredictionClasses,
    FrequentDto PredictedLabels,
    NumericDto LatencyMs,
    NumericDto CpuMs,
    NumericDto MemoryMb,
    FrequentDto Statuses,
    FrequentDto Callers,
    string DistinctCallers,
    FrequentDto Slots,
    FrequentDto RecommendedItems,
    long Impressions,
    FrequentDto UpstreamModels,
    OutcomeDto Outcomes,
    string? DistinctRecommendedItems = null,
    CallerInputsDto? CallerInputs = null);

// Absent in blobs written before it existed and for models without callers or features: an empty counter.
internal sealed record CallerInputsDto(int Capacity, long Untracked, List<CallerInputDto> Callers);

internal sealed record CallerInputDto(string Caller, long Inputs, long Weight, string Exact, string Near);

internal sealed record FeatureDto(long Nulls, long Numbers, long Strings, long Booleans, NumericDto? Numeric, FrequentDto? Categories);

internal sealed record NumericDto(long Count, long Nan, long PosInf, long NegInf, double? Mean, double M2, string Sketch);

internal sealed record FrequentDto(int Capacity, long Total, long MaxError, Dictionary<string, long> Items);

internal sealed record OutcomeDto(
    long Count,
    FrequentDto Labels,
    NumericDto LabelValues,
    List<ConfusionCellDto> Confusion,
    long ConfusionOverflow,
    RegressionDto Regression,
    CalibrationDto Calibration,
    long Clicks,
    long OutcomesWithClicks,
    FrequentDto ClickedItems,
    Dictionary<string, Dictionary<string, SliceDto>>? Slices = null);

internal sealed record SliceDto(long Classified, long Correct, long Regressed, double SumAbsError);

internal sealed record ConfusionCellDto(string Actual, string Predicted, long Count);

internal sealed record RegressionDto(double SumError, double SumAbsError, double SumSquaredError, NumericDto Errors);

internal sealed record CalibrationDto(long[] Counts, double[] SumPredicted, long[] Positives);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(WindowSummaryDto))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
