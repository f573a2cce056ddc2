using System.CommandLine;
using System.Globalization;
using ModelMonitor.Cli.Conversion;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Cli.Sources;
using ModelMonitor.Client;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor convert --input predictions.csv --out events.jsonl --model ID [--model-version V] [--timestamp-column
/// timestamp] [--prediction-column prediction] [--label-column label] [--id-column C] [--caller-column C]
/// [--feature-columns a,b,c]</c>: a predictions log in CSV into contract-v1 JSON lines for <c>ingest</c> or <c>replay</c>,
/// a prediction event per row and an outcome event per labelled row. Bad rows are reported and skipped.
/// </summary>
internal static class ConvertCommand
{
    /// <summary>Most skipped rows listed one by one on stderr; the count covers them all.</summary>
    internal const int MaxListedBadRows = 20;

    public static Command Create(CliContext context)
    {
        var input = new Option<FileInfo>("--input") { Description = "Predictions log: CSV with a header row, one row per prediction", Required = true, HelpName = "predictions.csv" };
        var output = new Option<FileInfo>("--out") { Description = "JSON Lines file to write (replaced)", Required = true, HelpName = "events.jsonl" };
        var model = new Option<string>("--model") { Description = "Model id of every event", Required = true, HelpName = "ID" };
        var version = new Option<string>("--model-version") { Description = "Model version of every event", HelpName = "V", DefaultValueFactory = _ => "1" };
        var timestamp = new Option<string>("--timestamp-column") { Description = "Column with the prediction time (ISO-8601; UTC when no offset)", HelpName = "NAME", DefaultValueFactory = _ => "timestamp" };
        var prediction = new Option<string>("--prediction-column") { Description = "Column with the model's output (number or class)", HelpName = "NAME", DefaultValueFactory = _ => "prediction" };
        var label = new Option<string?>("--label-column") { Description = "Column with the true label; a non-empty cell makes an outcome event (default: 'label' when present)", HelpName = "NAME" };
        var id = new Option<string?>("--id-column") { Description = "Column with the event id (default: '<file name>-<line>')", HelpName = "NAME" };
        var caller = new Option<string?>("--caller-column") { Description = "Column with the caller id", HelpName = "NAME" };
        var features = new Option<string?>("--feature-columns") { Description = "Comma-separated feature columns (default: all other columns)", HelpName = "a,b,c" };
        var command = new Command("convert", "Convert a predictions log in CSV into contract-v1 JSON lines")
        {
            input, output, model, version, timestamp, prediction, label, id, caller, features,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetRequiredValue(input);
            var mapping = new PredictionsCsvMapping
            {
                ModelId = InputParsing.RequireIdentifier(parse.GetValue(model), "--model"),
                ModelVersion = InputParsing.RequireIdentifier(parse.GetValue(version), "--model-version"),
                EventIdPrefix = SourceNames.FromFileName(file.Name),
                TimestampColumn = parse.GetRequiredValue(timestamp),
                PredictionColumn = parse.GetRequiredValue(prediction),
                LabelColumn = parse.GetValue(label) ?? "label",
                LabelRequired = parse.GetValue(label) is not null,
                IdColumn = parse.GetValue(id),
                CallerColumn = parse.GetValue(caller),
                FeatureColumns = ParseList(parse.GetValue(features)),
            };
            return await RunAsync(context, file, parse.GetRequiredValue(output), mapping, cancellationToken);
        });
        return command;
    }

    internal static IReadOnlyList<string>? ParseList(string? value) =>
        value is null ? null : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A converter over <paramref name="file"/>, its header checked; unusable input is a usage error.</summary>
    internal static (PredictionsCsvConverter Converter, CsvLayout Layout, CellKinds Kinds) Open(FileInfo file, string option, PredictionsCsvMapping mapping)
    {
        if (!file.Exists)
        {
            throw new CliUsageException($"{option}: file '{file.FullName}' does not exist.");
        }

        var converter = new PredictionsCsvConverter(file.OpenText, mapping);
        var (layout, kinds, error) = converter.Inspect();
        return layout is null
            ? throw new CliUsageException($"{option}: {file.Name}: {error}.")
            : (converter, layout, kinds!);
    }

    private static async Task<int> RunAsync(CliContext context, FileInfo file, FileInfo outFile, PredictionsCsvMapping mapping, CancellationToken cancellationToken)
    {
        var (converter, layout, kinds) = Open(file, "--input", mapping);
        long predictions = 0, outcomes = 0, skipped = 0;
        await using (var stream = new FileStream(outFile.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            foreach (var row in converter.Rows(layout, kinds))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (row.Error is { } error)
                {
                    if (++skipped <= MaxListedBadRows)
                    {
                        await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"skipped line {row.Line}: {error}"));
                    }

                    continue;
                }

                await WriteLineAsync(stream, EventSerializer.Serialize(row.Prediction!), cancellationToken);
                predictions++;
                if (row.Outcome is { } outcome)
                {
                    await WriteLineAsync(stream, EventSerializer.Serialize(outcome), cancellationToken);
                    outcomes++;
                }
            }
        }

        if (skipped > MaxListedBadRows)
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"... and {skipped - MaxListedBadRows} more skipped lines"));
        }

        if (skipped > 0)
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{skipped} rows skipped"));
        }

        JsonOutput.WriteLine(context.Out, w =>
        {
            w.WriteStartObject();
            w.WriteString("out", outFile.FullName);
            w.WriteNumber("predictions", predictions);
            w.WriteNumber("outcomes", outcomes);
            w.WriteNumber("skipped", skipped);
            w.WriteEndObject();
        });
        return ExitCodes.Success;
    }

    private static async Task WriteLineAsync(Stream stream, byte[] body, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(body, cancellationToken);
        stream.WriteByte((byte)'\n');
    }
}
