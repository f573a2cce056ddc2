using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Checks;

/// <summary>Computes a window's <see cref="ModelQualityMetrics"/> from its outcome summary.</summary>
internal static class ModelQualityMeasurer
{
    public static ModelQualityMetrics Measure(WindowSummary window)
    {
        OutcomeSummary outcomes = window.Outcomes;

        // 0/1 labels are counted both as classes and as numbers; classes win the tie.
        bool classLabels = outcomes.Labels.TotalCount > 0 && outcomes.Labels.TotalCount >= outcomes.LabelValues.Total;
        bool binaryLabels = classLabels && BinaryCategories.IsBinary(outcomes.Labels);
        return new ModelQualityMetrics(
            outcomes.Count,
            classLabels ? Classification(outcomes.Confusion) : null,
            binaryLabels ? Calibration(outcomes.Calibration) : null,
            classLabels ? null : Regression(outcomes.Regression),
            ClickThrough(outcomes.Clicks, window.Impressions));
    }

    private static ClassificationQuality? Classification(ConfusionCounts confusion)
    {
        var support = new Dictionary<string, long>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, long>(StringComparer.Ordinal);
        var truePositives = new Dictionary<string, long>(StringComparer.Ordinal);
        long count = 0;
        foreach ((ClassPair pair, long n) in confusion.Counts)
        {
            count += n;
            support[pair.Actual] = support.GetValueOrDefault(pair.Actual) + n;
            predicted[pair.Predicted] = predicted.GetValueOrDefault(pair.Predicted) + n;
            if (pair.Actual == pair.Predicted)
            {
                truePositives[pair.Actual] = truePositives.GetValueOrDefault(pair.Actual) + n;
            }
        }

        if (count == 0)
        {
            return null;
        }

        ClassQuality[] classes =
        [
            .. support.Keys.Union(predicted.Keys).Order(StringComparer.Ordinal).Select(k =>
            {
                long s = support.GetValueOrDefault(k), p = predicted.GetValueOrDefault(k), tp = truePositives.GetValueOrDefault(k);
                return new ClassQuality(
                    k, s, p, tp, p > 0 ? (double)tp / p : null, s > 0 ? (double)tp / s : null, 2.0 * tp / (p + s));
            }),
        ];
        long correct = classes.Sum(c => c.TruePositives);
        return new ClassificationQuality(
            count,
            correct,
            (double)correct / count,
            classes,
            classes.Average(c => c.Precision ?? 0),
            classes.Average(c => c.Recall ?? 0),
            classes.Average(c => c.F1),
            confusion.Overflow);
    }

    private static CalibrationQuality? Calibration(CalibrationBins bins)
    {
        long n = bins.Total;
        if (n == 0)
        {
            return null;
        }

        double sumPredicted = 0, gaps = 0;
        long positives = 0;
        for (int b = 0; b < bins.BinCount; b++)
        {
            sumPredicted += bins.SumPredicted[b];
            positives += bins.Positives[b];

            // n_b/N · |mean predicted_b − positive rate_b| = |Σ predicted_b − positives_b| / N.
            gaps += Math.Abs(bins.SumPredicted[b] - bins.Positives[b]);
        }

        double meanPredicted = sumPredicted / n, positiveRate = (double)positives / n;
        return new CalibrationQuality(n, positives, meanPredicted, positiveRate, meanPredicted - positiveRate, gaps / n, bins.BinCount);
    }

    private static RegressionQuality? Regression(RegressionErrors errors) =>
        errors.Count == 0 || !double.IsFinite(errors.SumSquaredError)
            ? null
            : new RegressionQuality(errors.Count, errors.MeanAbsoluteError, errors.RootMeanSquaredError, errors.Bias);

    private static ClickThroughQuality? ClickThrough(long clicks, long impressions) =>
        clicks == 0 && impressions == 0 ? null : new ClickThroughQuality(clicks, impressions, impressions > 0 ? (double)clicks / impressions : null);
}
