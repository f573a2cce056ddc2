using System.Globalization;
using ModelMonitor.Cli.Commands;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Client;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;

namespace ModelMonitor.Cli.Conversion;

/// <summary>
/// A training CSV with prediction and/or label columns: each row is converted as <c>convert</c> does (a prediction
/// event, and an outcome when labelled) and folded through the ingest parser into one summary, so the reference has
/// the prediction and label distributions as well as the features. A bad row is an input error: a reference built
/// from part of a training set would be silently wrong.
/// </summary>
internal static class ReferenceFromCsv
{
    public static WindowSummary Build(FileInfo file, string modelId, string modelVersion, string? predictionColumn, string? labelColumn, CancellationToken cancellationToken)
    {
        var mapping = new PredictionsCsvMapping
        {
            ModelId = modelId,
            ModelVersion = modelVersion,
            EventIdPrefix = "train",
            TimestampColumn = null,
            FixedTimestamp = PlainFeatureLines.ReferenceTime,
            PredictionColumn = predictionColumn,
            LabelColumn = labelColumn,
            LabelRequired = true,
        };
        var (converter, layout, kinds) = ConvertCommand.Open(file, "--input", mapping);
        var parser = new EventParser();
        var results = new List<ParseResult>();
        var summary = new WindowSummary(modelId, modelVersion, PlainFeatureLines.ReferenceTime, PlainFeatureLines.ReferenceTime);
        foreach (var row in converter.Rows(layout, kinds))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Error is { } error)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--input: line {row.Line}: {error}"));
            }

            Add(EventSerializer.Serialize(row.Prediction!));
            if (row.Outcome is { } outcome)
            {
                Add(EventSerializer.Serialize(outcome));
            }

            void Add(byte[] body)
            {
                results.Clear();
                parser.Parse(body, DateTimeOffset.MaxValue.AddDays(-1), results);
                foreach (var result in results)
                {
                    summary.Add(result.Event ?? throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--input: line {row.Line}: {result.Error}")));
                }
            }
        }

        return summary.EventCount > 0 ? summary : throw new CliUsageException("--input: the file holds no rows.");
    }
}
