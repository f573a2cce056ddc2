using ModelMonitor.Core.Events;
using ModelMonitor.Core.Statistics;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Folds raw <see cref="Column"/>s into a <see cref="WindowSummary"/> exactly as ingestion folds event features
/// (numbers into K=<see cref="FeatureSummary.FeatureSketchK"/> KLL sketches and exact moments, categories into
/// frequent-items counters, booleans as "true"/"false"), so the CLI's <c>--sketch</c> mode goes through the same
/// summaries the service uses and its drift numbers carry the same sketch error.
/// </summary>
public static class SummaryBuilder
{
    /// <summary>
    /// One summary with one event per row: <see cref="WindowSummary.EventCount"/> is the longest column's row count and a
    /// shorter column's missing rows count as missing values. Columns beyond <see cref="WindowSummary.MaxFeatures"/>
    /// are counted as untracked, as in ingestion.
    /// </summary>
    /// <exception cref="ArgumentException">Two columns share a name.</exception>
    public static WindowSummary FromColumns(
        IReadOnlyList<Column> columns,
        string modelId = "local",
        string modelVersion = "local",
        DateTimeOffset windowStart = default,
        DateTimeOffset windowEnd = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (windowEnd < windowStart)
        {
            windowEnd = windowStart;
        }

        var summary = new WindowSummary(modelId, modelVersion, windowStart, windowEnd);
        long rows = 0;
        foreach (Column column in columns)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(columns));
            rows = Math.Max(rows, column.RowCount);
            if (summary.Features.ContainsKey(column.Name))
            {
                throw new ArgumentException($"Duplicate column name '{column.Name}'.", nameof(columns));
            }

            if (summary.Features.Count >= WindowSummary.MaxFeatures)
            {
                summary.UntrackedFeatureValues += column.RowCount;
                continue;
            }

            summary.Features[column.Name] = Summarize(column);
        }

        summary.EventCount = rows;
        return summary;
    }

    private static FeatureSummary Summarize(Column column)
    {
        var feature = new FeatureSummary();
        if (column.Kind == FeatureKind.Numeric)
        {
            foreach (double value in column.Numbers!)
            {
                feature.Add(FieldValue.FromNumber(value));
            }

            for (long i = 0; i < column.MissingCount; i++)
            {
                feature.Add(FieldValue.Null);
            }

            return feature;
        }

        foreach (string? value in column.Categories!)
        {
            feature.Add(value switch
            {
                null => FieldValue.Null,
                _ when column.Kind == FeatureKind.Binary => FieldValue.FromBoolean(value == BinaryCategories.True),
                _ => FieldValue.FromString(value),
            });
        }

        return feature;
    }
}
