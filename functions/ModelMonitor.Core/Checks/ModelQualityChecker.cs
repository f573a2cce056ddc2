using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;
using static System.FormattableString;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Model quality from late labels: measures both windows (<see cref="Measure"/>) and reports metrics that got worse
/// than in the reference window, guarded against small-window noise (see <see cref="ModelQualityPolicy"/>).
/// </summary>
/// <remarks>
/// <para>Findings, in this order:</para>
/// <list type="bullet">
/// <item><b>accuracy</b>: drop ≥ threshold; Wilson guard on correct / labelled.</item>
/// <item><b>recall</b>, <b>precision</b>: per class present in both windows, drop ≥ threshold; Wilson guard on
/// TP / support and TP / predicted; the class is in <see cref="ModelQualityFinding.Class"/>.</item>
/// <item><b>f1</b>: macro F1 drop ≥ threshold; minimum count only.</item>
/// <item><b>prediction-bias</b>: |bias| increase ≥ threshold; the reference bias must lie outside the current bias's
/// interval, mean predicted − Wilson interval of the positive rate.</item>
/// <item><b>ece</b>: increase ≥ threshold; minimum count only (ECE over 10 bins is biased upwards in small windows,
/// which the minimum count limits).</item>
/// <item><b>mae</b>, <b>rmse</b>: relative increase ≥ threshold; minimum count only. A reference error of exactly 0
/// reports any positive current error (relative change null).</item>
/// <item><b>ctr</b>: relative drop ≥ threshold, both windows with at least the minimum impressions; Wilson guard on
/// clicks / impressions (clicks capped at impressions).</item>
/// </list>
/// <para>Severity: Error when the change is at least twice its threshold, otherwise Warning.</para>
/// <para>Per-slice quality is out of scope: outcome events carry no features.</para>
/// </remarks>
public static class ModelQualityChecker
{
    public static ModelQualityReport Evaluate(WindowSummary reference, WindowSummary current, ModelQualityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(policy);
        ModelQualityMetrics r = Measure(reference), c = Measure(current);
        var findings = new List<ModelQualityFinding>();
        if (r.Classification is { } rc && c.Classification is { } cc)
        {
            Classification(findings, rc, cc, policy);
        }

        if (r.Calibration is { } rb && c.Calibration is { } cb)
        {
            Calibration(findings, rb, cb, policy);
        }

        if (r.Regression is { } rr && c.Regression is { } cr && rr.Count >= policy.MinLabelledCount && cr.Count >= policy.MinLabelledCount)
        {
            RelativeIncrease(findings, ModelQualityMetric.Mae, rr.Mae, cr.Mae, rr.Count, cr.Count, policy);
            RelativeIncrease(findings, ModelQualityMetric.Rmse, rr.Rmse, cr.Rmse, rr.Count, cr.Count, policy);
        }

        if (r.ClickThrough is { Ctr: { } rctr } rt && c.ClickThrough is { Ctr: { } cctr } ct
            && rt.Impressions >= policy.MinLabelledCount && ct.Impressions >= policy.MinLabelledCount && rctr > 0)
        {
            double drop = (rctr - cctr) / rctr;
            ConfidenceInterval ci = ProportionConfidenceInterval.Wilson(Math.Min(ct.Clicks, ct.Impressions), ct.Impressions, policy.Confidence);
            if (Thresholds.Reached(drop, policy.CtrRelativeDrop) && rctr > ci.Upper)
            {
                findings.Add(Finding(ModelQualityMetric.Ctr, null, rctr, cctr, drop, policy.CtrRelativeDrop, rt.Impressions, ct.Impressions, ci,
                    Invariant($"CTR fell {drop:P1}, from {rctr:P2} to {cctr:P2}.")));
            }
        }

        Slices(findings, reference.Outcomes, current.Outcomes, policy);
        return new ModelQualityReport(r, c, findings);
    }

    /// <summary>Slices compared per feature: the current window's busiest values, at most this many.</summary>
    public const int MaxSlicesPerFeature = 5;

    // Per slice (a value of a categorical feature carried on outcome events): accuracy with the same Wilson guard as the
    // whole window, and MAE with the same relative threshold. The slice goes into the finding as "feature=value".
    private static void Slices(List<ModelQualityFinding> findings, OutcomeSummary reference, OutcomeSummary current, ModelQualityPolicy policy)
    {
        foreach (var (feature, values) in current.Slices.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!reference.Slices.TryGetValue(feature, out var referenceValues))
            {
                continue;
            }

            var busiest = values
                .Where(v => v.Key != OutcomeSummary.OtherSlice)
                .OrderByDescending(v => v.Value.Classified + v.Value.Regressed)
                .ThenBy(v => v.Key, StringComparer.Ordinal)
                .Take(MaxSlicesPerFeature);
            foreach (var (value, slice) in busiest)
            {
                if (!referenceValues.TryGetValue(value, out var referenceSlice))
                {
                    continue;
                }

                var name = $"{feature}={value}";
                if (referenceSlice.Accuracy is { } referenceAccuracy && referenceSlice.Classified >= policy.MinLabelledCount && slice.Classified >= policy.MinLabelledCount)
                {
                    double accuracy = slice.Accuracy!.Value;
                    double drop = referenceAccuracy - accuracy;
                    ConfidenceInterval ci = ProportionConfidenceInterval.Wilson(slice.Correct, slice.Classified, policy.Confidence);
                    if (Thresholds.Reached(drop, policy.ClassificationDrop) && referenceAccuracy > ci.Upper)
                    {
                        findings.Add(Finding(ModelQualityMetric.Accuracy, name, referenceAccuracy, accuracy, drop, policy.ClassificationDrop, referenceSlice.Classified, slice.Classified, ci,
                            Invariant($"Accuracy of slice {name} fell from {referenceAccuracy:P1} to {accuracy:P1}.")));
                    }
                }

                if (referenceSlice.MeanAbsoluteError is { } referenceMae and > 0 && referenceSlice.Regressed >= policy.MinLabelledCount && slice.Regressed >= policy.MinLabelledCount)
                {
                    double mae = slice.MeanAbsoluteError!.Value;
                    double relative = (mae - referenceMae) / referenceMae;
                    if (Thresholds.Reached(relative, policy.RegressionErrorRelativeIncrease))
                    {
                        findings.Add(Finding(ModelQualityMetric.Mae, name, referenceMae, mae, relative, policy.RegressionErrorRelativeIncrease, referenceSlice.Regressed, slice.Regressed, null,
                            Invariant($"MAE of slice {name} rose from {referenceMae:G4} to {mae:G4}.")));
                    }
                }
            }
        }
    }

    /// <summary>The quality measures of one window (see <see cref="ModelQualityMetrics"/> for which apply).</summary>
    public static ModelQualityMetrics Measure(WindowSummary window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return ModelQualityMeasurer.Measure(window);
    }

    private static void Classification(List<ModelQualityFinding> findings, ClassificationQuality r, ClassificationQuality c, ModelQualityPolicy policy)
    {
        if (r.Count < policy.MinLabelledCount || c.Count < policy.MinLabelledCount)
        {
            return;
        }

        Proportion(findings, ModelQualityMetric.Accuracy, null, r.Accuracy, c.Correct, c.Count, r.Count, policy);
        var referenceClasses = r.Classes.ToDictionary(x => x.Class, StringComparer.Ordinal);
        foreach (ClassQuality cq in c.Classes)
        {
            if (!referenceClasses.TryGetValue(cq.Class, out ClassQuality? rq))
            {
                continue;
            }

            if (rq.Recall is { } recall && rq.Support >= policy.MinLabelledCount && cq.Support >= policy.MinLabelledCount)
            {
                Proportion(findings, ModelQualityMetric.Recall, cq.Class, recall, cq.TruePositives, cq.Support, rq.Support, policy);
            }

            if (rq.Precision is { } precision && rq.Predicted >= policy.MinLabelledCount && cq.Predicted >= policy.MinLabelledCount)
            {
                Proportion(findings, ModelQualityMetric.Precision, cq.Class, precision, cq.TruePositives, cq.Predicted, rq.Predicted, policy);
            }
        }

        double f1Drop = r.MacroF1 - c.MacroF1;
        if (Thresholds.Reached(f1Drop, policy.ClassificationDrop))
        {
            findings.Add(Finding(ModelQualityMetric.F1, null, r.MacroF1, c.MacroF1, f1Drop, policy.ClassificationDrop, r.Count, c.Count, null,
                Invariant($"Macro F1 fell from {r.MacroF1:F3} to {c.MacroF1:F3}.")));
        }
    }

    // A proportion metric: drop ≥ threshold and the reference value above the current value's Wilson interval.
    private static void Proportion(
        List<ModelQualityFinding> findings, string metric, string? @class, double reference, long successes, long trials, long referenceN, ModelQualityPolicy policy)
    {
        double current = (double)successes / trials;
        double drop = reference - current;
        ConfidenceInterval ci = ProportionConfidenceInterval.Wilson(successes, trials, policy.Confidence);
        if (Thresholds.Reached(drop, policy.ClassificationDrop) && reference > ci.Upper)
        {
            string subject = @class is null ? metric : $"{metric} of class '{@class}'";
            findings.Add(Finding(metric, @class, reference, current, drop, policy.ClassificationDrop, referenceN, trials, ci,
                Invariant($"{char.ToUpperInvariant(subject[0])}{subject[1..]} fell from {reference:P1} to {current:P1}.")));
        }
    }

    private static void Calibration(List<ModelQualityFinding> findings, CalibrationQuality r, CalibrationQuality c, ModelQualityPolicy policy)
    {
        if (r.Count < policy.MinLabelledCount || c.Count < policy.MinLabelledCount)
        {
            return;
        }

        double biasIncrease = Math.Abs(c.Bias) - Math.Abs(r.Bias);
        ConfidenceInterval rate = ProportionConfidenceInterval.Wilson(c.Positives, c.Count, policy.Confidence);
        var biasInterval = new ConfidenceInterval(c.MeanPredicted - rate.Upper, c.MeanPredicted - rate.Lower);
        if (Thresholds.Reached(biasIncrease, policy.PredictionBiasIncrease) && !biasInterval.Contains(r.Bias))
        {
            findings.Add(Finding(ModelQualityMetric.PredictionBias, null, r.Bias, c.Bias, biasIncrease, policy.PredictionBiasIncrease, r.Count, c.Count, biasInterval,
                Invariant($"Prediction bias grew from {r.Bias:+0.000;-0.000} to {c.Bias:+0.000;-0.000} (mean predicted {c.MeanPredicted:P1}, observed {c.PositiveRate:P1}).")));
        }

        double eceIncrease = c.Ece - r.Ece;
        if (Thresholds.Reached(eceIncrease, policy.EceIncrease))
        {
            findings.Add(Finding(ModelQualityMetric.Ece, null, r.Ece, c.Ece, eceIncrease, policy.EceIncrease, r.Count, c.Count, null,
                Invariant($"Expected calibration error grew from {r.Ece:F3} to {c.Ece:F3}.")));
        }
    }

    private static void RelativeIncrease(
        List<ModelQualityFinding> findings, string metric, double reference, double current, long referenceN, long n, ModelQualityPolicy policy)
    {
        double? relative = reference > 0 ? (current - reference) / reference : null;
        bool fires = relative is { } rel ? Thresholds.Reached(rel, policy.RegressionErrorRelativeIncrease) : current > 0;
        if (fires)
        {
            findings.Add(Finding(metric, null, reference, current, relative, policy.RegressionErrorRelativeIncrease, referenceN, n, null,
                Invariant($"{metric.ToUpperInvariant()} rose from {reference:G4} to {current:G4}.")));
        }
    }

    private static ModelQualityFinding Finding(
        string metric, string? @class, double reference, double current, double? change, double threshold, long referenceN, long n, ConfidenceInterval? ci, string message)
    {
        var evidence = new Dictionary<string, double?>
        {
            ["reference"] = reference,
            ["current"] = current,
            ["change"] = change,
            ["threshold"] = threshold,
            ["n"] = n,
            ["referenceN"] = referenceN,
            ["ciLower"] = ci?.Lower,
            ["ciUpper"] = ci?.Upper,
        };
        Severity severity = change is { } ch && Thresholds.Reached(ch, 2 * threshold) ? Severity.Error : Severity.Warning;
        return new ModelQualityFinding(metric, @class, severity, evidence, message);
    }
}
