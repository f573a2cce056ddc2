using System.Globalization;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Summaries;

/// <summary>
/// What the labels said about a window's predictions: label distribution, confusion counts, regression errors,
/// calibration bins for binary scores, and clicks for recommenders.
/// </summary>
public sealed class OutcomeSummary
{
    /// <summary>Score at or above which a binary score without a predicted label counts as the positive class.</summary>
    public const double DefaultDecisionThreshold = 0.5;

    public long Count { get; internal set; }

    /// <summary>Class-like labels: strings, booleans, and the numbers 0 and 1.</summary>
    public FrequentItems Labels { get; internal set; } = new();

    /// <summary>Numeric labels (regression targets, and 0/1 for binary).</summary>
    public NumericSummary LabelValues { get; internal set; } = new();

    public ConfusionCounts Confusion { get; internal set; } = new();

    public RegressionErrors Regression { get; internal set; } = new();

    public CalibrationBins Calibration { get; internal set; } = new();

    /// <summary>Clicked items over all outcomes.</summary>
    public long Clicks { get; internal set; }

    public long OutcomesWithClicks { get; internal set; }

    public FrequentItems ClickedItems { get; internal set; } = new(WindowSummary.RecommendedItemsCapacity);

    /// <summary>Most slice features tracked (string or boolean features carried on outcome events).</summary>
    public const int MaxSliceFeatures = 8;

    /// <summary>Most values tracked per slice feature; later values are pooled under <see cref="OtherSlice"/>.</summary>
    public const int MaxSliceValues = 32;

    public const string OtherSlice = "__other__";

    /// <summary>Quality per slice: feature name → feature value → counts. Empty unless outcomes carry features.</summary>
    public Dictionary<string, Dictionary<string, SliceQuality>> Slices { get; } = new(StringComparer.Ordinal);

    public void Add(MonitoringEvent outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Count++;
        var label = outcome.Label;
        var binary = TryBinary(label, out var positive);
        var labelText = ClassText(label);
        if (labelText is not null)
        {
            Labels.Add(labelText);
        }

        if (label.Kind == ValueKind.Number)
        {
            LabelValues.Add(label.Number);
        }

        var prediction = outcome.Prediction;
        var predictedClass = outcome.PredictedLabel ?? (prediction.Kind is ValueKind.String or ValueKind.Boolean ? prediction.Text : null);
        bool? correct = null;
        if (predictedClass is not null && labelText is not null)
        {
            Confusion.Add(labelText, predictedClass);
            correct = string.Equals(labelText, predictedClass, StringComparison.Ordinal);
        }
        else if (predictedClass is null && binary && prediction.Kind == ValueKind.Number && prediction.Number is >= 0 and <= 1)
        {
            var predictedPositive = prediction.Number >= DefaultDecisionThreshold;
            Confusion.Add(positive ? "1" : "0", predictedPositive ? "1" : "0");
            correct = predictedPositive == positive;
        }

        double? absError = label.Kind == ValueKind.Number && prediction.Kind == ValueKind.Number && double.IsFinite(prediction.Number - label.Number)
            ? Math.Abs(prediction.Number - label.Number)
            : null;
        AddSlices(outcome.Features, correct, absError);

        if (binary && prediction.Kind == ValueKind.Number)
        {
            Calibration.Add(prediction.Number, positive);
        }

        if (label.Kind == ValueKind.Number && prediction.Kind == ValueKind.Number)
        {
            Regression.Add(prediction.Number, label.Number);
        }

        if (outcome.ClickedItems.Count > 0)
        {
            OutcomesWithClicks++;
            Clicks += outcome.ClickedItems.Count;
            foreach (var item in outcome.ClickedItems)
            {
                ClickedItems.Add(item);
            }
        }
    }

    public void Merge(OutcomeSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Count += other.Count;
        Labels.Merge(other.Labels);
        LabelValues.Merge(other.LabelValues);
        Confusion.Merge(other.Confusion);
        Regression.Merge(other.Regression);
        Calibration.Merge(other.Calibration);
        Clicks += other.Clicks;
        OutcomesWithClicks += other.OutcomesWithClicks;
        ClickedItems.Merge(other.ClickedItems);
        foreach (var (feature, values) in other.Slices)
        {
            foreach (var (value, quality) in values)
            {
                SliceFor(feature, value)?.Merge(quality);
            }
        }
    }

    private void AddSlices(IReadOnlyList<Feature> features, bool? correct, double? absError)
    {
        if (correct is null && absError is null)
        {
            return;
        }

        for (var i = 0; i < features.Count; i++)
        {
            var value = features[i].Value;
            if (value.Kind is not (ValueKind.String or ValueKind.Boolean) || SliceFor(features[i].Name, value.Text!) is not { } slice)
            {
                continue;
            }

            if (correct is { } c)
            {
                slice.Classified++;
                slice.Correct += c ? 1 : 0;
            }

            if (absError is { } e)
            {
                slice.Regressed++;
                slice.SumAbsError += e;
            }
        }
    }

    /// <summary>The slice's counters, created within the bounds; null when the feature is beyond the feature bound.</summary>
    internal SliceQuality? SliceFor(string feature, string value)
    {
        if (!Slices.TryGetValue(feature, out var values))
        {
            if (Slices.Count >= MaxSliceFeatures)
            {
                return null;
            }

            values = new Dictionary<string, SliceQuality>(StringComparer.Ordinal);
            Slices[feature] = values;
        }

        if (!values.TryGetValue(value, out var slice))
        {
            var key = values.Count < MaxSliceValues - 1 || value == OtherSlice ? value : OtherSlice;
            if (!values.TryGetValue(key, out slice))
            {
                slice = new SliceQuality();
                values[key] = slice;
            }
        }

        return slice;
    }

    public OutcomeSummary Clone()
    {
        var copy = new OutcomeSummary();
        copy.Merge(this);
        return copy;
    }

    /// <summary>The label as a class name, or null for a non-binary number or null.</summary>
    internal static string? ClassText(in FieldValue label) => label.Kind switch
    {
        ValueKind.String or ValueKind.Boolean => label.Text,
        ValueKind.Number when label.Number is 0 or 1 => label.Number.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Binary labels: booleans, the numbers 0/1 and the strings "0"/"1"/"true"/"false".</summary>
    internal static bool TryBinary(in FieldValue label, out bool positive)
    {
        positive = false;
        switch (label.Kind)
        {
            case ValueKind.Boolean:
            case ValueKind.Number when label.Number is 0 or 1:
                positive = label.Number == 1;
                return true;
            case ValueKind.String when label.Text is "1" or "0" || string.Equals(label.Text, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(label.Text, "false", StringComparison.OrdinalIgnoreCase):
                positive = label.Text == "1" || string.Equals(label.Text, "true", StringComparison.OrdinalIgnoreCase);
                return true;
            default:
                return false;
        }
    }
}
