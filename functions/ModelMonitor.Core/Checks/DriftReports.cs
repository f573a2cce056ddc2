using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Builds <see cref="DriftReport"/>s: from raw columns (exact path) or from window summaries (sketch path, what the
/// service runs), plus prediction drift and label shift through the same machinery.
/// </summary>
/// <remarks>
/// <para>
/// Every metric that applies to a feature's kind is computed, whichever method decides: numeric features get KS, PSI,
/// Jensen–Shannon, Wasserstein and normalized Wasserstein; categorical features chi-square, PSI and Jensen–Shannon over
/// the union of categories; binary features the z-test on the "true" share plus the categorical metrics over
/// [false, true]. The decision (method, threshold, score, status) is <see cref="DriftEvaluator"/>'s, with the
/// policy's multiple-testing correction across the report's tested features. NaN and ±∞ are excluded from the
/// statistics (data quality counts them). Numeric PSI / Jensen–Shannon use <see cref="QuantileBinning"/> with
/// 10 reference-quantile bins and PSI's ε = 1e-4 floor.
/// </para>
/// <para>
/// Sketch path: KS and Wasserstein run on the two KLL sorted views (weighted CDFs) with the exact counts as sample
/// sizes; Wasserstein is normalized by the reference's exact σ (ddof 0) from the summary's moments, and the
/// evaluator uses that same σ. Categories come from the frequent-items counters; once a counter has overflowed, its
/// untracked remainder (<c>Other</c>) becomes one extra category named <see cref="OtherCategory"/>, so totals stay
/// right while rare categories are pooled. Categories with tiny expected counts are kept in the chi-square test
/// rather than pooled: the usual "expected ≥ 5" caveat applies to its p-value, which is one reason large references
/// are decided by the Jensen–Shannon distance instead.
/// </para>
/// <para>
/// A feature with values on one side only, or whose type changed between numeric and non-numeric, is reported with
/// status insufficient data and a note; it never throws.
/// </para>
/// </remarks>
public static class DriftReports
{
    /// <summary>Name of the pooled category for a frequent-items counter's untracked remainder.</summary>
    public const string OtherCategory = "__other__";

    /// <summary>Feature name used for prediction drift.</summary>
    public const string PredictionName = "prediction";

    /// <summary>Feature name used for label shift.</summary>
    public const string LabelName = "label";

    /// <summary>
    /// Exact path over raw values. Features are reported in reference column order, then columns found only in the
    /// current data.
    /// </summary>
    /// <exception cref="ArgumentException">A side has two columns with the same name.</exception>
    public static DriftReport FromColumns(IReadOnlyList<Column> reference, IReadOnlyList<Column> current, DriftPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(policy);
        Dictionary<string, Column> r = ByName(reference, nameof(reference));
        Dictionary<string, Column> c = ByName(current, nameof(current));
        IEnumerable<string> names = reference.Select(x => x.Name).Concat(current.Select(x => x.Name).Where(n => !r.ContainsKey(n)));
        DriftComparison[] comparisons = [.. names.Select(n => ColumnComparisons.Compare(n, r.GetValueOrDefault(n), c.GetValueOrDefault(n), policy))];
        return DriftReportAssembler.Assemble(comparisons, policy);
    }

    /// <summary>
    /// Sketch path over two window summaries: every feature seen on either side, in ordinal name order. Features with
    /// an empty name cannot be reported and are skipped.
    /// </summary>
    public static DriftReport FromSummaries(WindowSummary reference, WindowSummary current, DriftPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(policy);
        IEnumerable<string> names = reference.Features.Keys
            .Union(current.Features.Keys, StringComparer.Ordinal)
            .Where(n => n.Length > 0)
            .Order(StringComparer.Ordinal);
        DriftComparison[] comparisons =
        [
            .. names.Select(n => SummaryComparisons.Compare(
                n,
                SummarySide.Of(reference.Features.GetValueOrDefault(n)),
                SummarySide.Of(current.Features.GetValueOrDefault(n)),
                policy)),
        ];
        return DriftReportAssembler.Assemble(comparisons, policy);
    }

    /// <summary>
    /// Drift of the model's output, named <see cref="PredictionName"/>: numeric scores (<see cref="WindowSummary.PredictionScores"/>)
    /// when most predictions are numbers, else the predicted classes (binary when they are true/false or 0/1).
    /// A family of one for the multiple-testing correction.
    /// </summary>
    public static FeatureDriftReport PredictionDrift(WindowSummary reference, WindowSummary current, DriftPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(policy);
        return Single(
            PredictionName,
            SummarySide.Of(reference.PredictionScores, reference.PredictionClasses, preferClasses: false),
            SummarySide.Of(current.PredictionScores, current.PredictionClasses, preferClasses: false),
            policy);
    }

    /// <summary>
    /// Shift of the labelled outcomes, named <see cref="LabelName"/>: class labels (<see cref="OutcomeSummary.Labels"/>;
    /// binary for 0/1 and true/false, as a z-test on the positive rate) unless most labels are non-binary numbers, which
    /// are compared as numeric (<see cref="OutcomeSummary.LabelValues"/>). A family of one.
    /// </summary>
    public static FeatureDriftReport LabelShift(WindowSummary reference, WindowSummary current, DriftPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(policy);
        return Single(
            LabelName,
            SummarySide.Of(reference.Outcomes.LabelValues, reference.Outcomes.Labels, preferClasses: true),
            SummarySide.Of(current.Outcomes.LabelValues, current.Outcomes.Labels, preferClasses: true),
            policy);
    }

    private static FeatureDriftReport Single(string name, SummarySide reference, SummarySide current, DriftPolicy policy) =>
        DriftReportAssembler.Assemble([SummaryComparisons.Compare(name, reference, current, policy)], policy).Features[0];

    private static Dictionary<string, Column> ByName(IReadOnlyList<Column> columns, string paramName)
    {
        var byName = new Dictionary<string, Column>(StringComparer.Ordinal);
        foreach (Column column in columns)
        {
            ArgumentNullException.ThrowIfNull(column, paramName);
            if (!byName.TryAdd(column.Name, column))
            {
                throw new ArgumentException($"Duplicate column name '{column.Name}'.", paramName);
            }
        }

        return byName;
    }
}
