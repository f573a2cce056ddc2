using System.CommandLine;
using System.Globalization;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Cli.Conversion;
using ModelMonitor.Service.Summaries;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Configuration;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor reference build --model ID [--version V] --input FILE [--prediction-column C] [--label-column C]</c> (<c>--data</c> is an alias) stores a training/validation profile
/// (CSV columns, or JSONL of contract-v1 events or plain feature objects) as the model's reference summary;
/// <c>modelmonitor reference pin --model ID [--version V] --from T --to T</c> stores a production time range instead.
/// Without --version the reference serves every version of the model that has none of its own.
/// <c>build --exclude-reputation-below SCORE</c> (JSONL) leaves out the events of callers whose stored reputation is
/// below SCORE; <c>pin</c> cannot, as stored windows are aggregates in which a caller's events are no longer apart.
/// </summary>
internal static class ReferenceCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var command = new Command("reference", "Build or pin the reference a model is checked against");
        command.Subcommands.Add(CreateBuild(context, global));
        command.Subcommands.Add(CreatePin(context, global));
        return command;
    }

    private static Command CreateBuild(CliContext context, GlobalOptions global)
    {
        var model = new Option<string>("--model") { Description = "Model id", Required = true, HelpName = "ID" };
        var version = new Option<string?>("--version") { Description = "Model version (default: any version without its own reference)", HelpName = "V" };
        var data = new Option<FileInfo>("--input", "--data") { Description = "Training or validation data: .csv (one column per feature) or .jsonl (contract-v1 events or plain feature objects)", Required = true, HelpName = "FILE" };
        var prediction = new Option<string?>("--prediction-column") { Description = "CSV: column with the model's output (not a feature)", HelpName = "NAME" };
        var label = new Option<string?>("--label-column") { Description = "CSV: column with the true label (not a feature; a non-empty cell is an outcome)", HelpName = "NAME" };
        var excludeBelow = new Option<double?>("--exclude-reputation-below")
        {
            Description = "JSONL only: leave out events of callers whose stored reputation for the model is now below this score (0-1); events without a caller are always kept",
            HelpName = "SCORE",
        };
        var prefix = new Option<string?>("--name-prefix") { Description = "Store it in the isolated set of containers and tables that 'replay --name-prefix PREFIX' uses", HelpName = "PREFIX" };
        var command = new Command("build", "Build a reference profile from a CSV or JSONL file") { model, version, data, prediction, label, excludeBelow, prefix };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var modelId = InputParsing.RequireIdentifier(parse.GetValue(model), "--model");
            var modelVersion = parse.GetValue(version) is { } v ? InputParsing.RequireIdentifier(v, "--version") : null;
            var file = parse.GetRequiredValue(data);
            var namePrefix = parse.GetValue(prefix) ?? string.Empty;
            if (!MonitorStorageClients.IsValidPrefix(namePrefix))
            {
                throw new CliUsageException($"--name-prefix '{namePrefix}': use 1-20 lower-case letters and digits, starting with a letter.");
            }

            bool isJsonl = file.Extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
            var threshold = parse.GetValue(excludeBelow);
            if (threshold is { } t && (!isJsonl || !(t > 0 && t <= 1)))
            {
                throw new CliUsageException(isJsonl ? "--exclude-reputation-below: must be in (0, 1]." : "--exclude-reputation-below: only for JSONL events (CSV rows have no caller).");
            }

            var predictionColumn = parse.GetValue(prediction);
            var labelColumn = parse.GetValue(label);
            var excluded = threshold is { } score
                ? await LowReputationCallersAsync(context, parse.GetRequiredValue(global.Storage), namePrefix, modelId, score, cancellationToken)
                : null;
            var (summary, excludedEvents) = isJsonl
                ? await FromEventsAsync(file, modelId, modelVersion ?? "reference", excluded, cancellationToken)
                : predictionColumn is null && labelColumn is null
                    ? (SummaryBuilder.FromColumns((await DriftCommand.ReadCsvAsync(file, "--input", cancellationToken)).Columns, modelId, modelVersion ?? "reference"), 0)
                    : (ReferenceFromCsv.Build(file, modelId, modelVersion ?? "reference", predictionColumn, labelColumn, cancellationToken), 0L);
            return await SaveAsync(context, parse.GetRequiredValue(global.Storage), modelId, modelVersion, summary, excluded is null ? null : excludedEvents, namePrefix, cancellationToken);
        });
        return command;
    }

    private static Command CreatePin(CliContext context, GlobalOptions global)
    {
        var model = new Option<string>("--model") { Description = "Model id", Required = true, HelpName = "ID" };
        var version = new Option<string?>("--version") { Description = "Model version whose windows to read and pin (default: all versions, pinned as the model default)", HelpName = "V" };
        var from = new Option<string>("--from") { Description = "Start of the range (ISO-8601)", Required = true, HelpName = "T" };
        var to = new Option<string>("--to") { Description = "End of the range (ISO-8601)", Required = true, HelpName = "T" };
        var command = new Command("pin", "Use a stored production time range as the reference") { model, version, from, to };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var modelId = InputParsing.RequireIdentifier(parse.GetValue(model), "--model");
            var modelVersion = parse.GetValue(version) is { } v ? InputParsing.RequireIdentifier(v, "--version") : null;
            var start = InputParsing.ParseTime(parse.GetValue(from), "--from")!.Value;
            var end = InputParsing.ParseTime(parse.GetValue(to), "--to")!.Value;
            var storage = CliStorage.Connect(parse.GetRequiredValue(global.Storage), context.TimeProvider);
            var pinned = await new RangeSummaries(storage.Reader, new ReferenceStore(storage.Clients.References)).PinAsync(modelId, modelVersion, start, end, cancellationToken);
            if (pinned is null)
            {
                await context.Error.WriteLineAsync($"error: no stored windows for model '{modelId}' between {start:O} and {end:O}.");
                return ExitCodes.NotFound;
            }

            WriteSaved(context, pinned.Reference, pinned.Events, pinned.Features, pinned.Outcomes, null);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Callers of the model whose reputation, decayed to now, is below <paramref name="score"/>.</summary>
    private static async Task<HashSet<string>> LowReputationCallersAsync(CliContext context, string connection, string namePrefix, string modelId, double score, CancellationToken cancellationToken)
    {
        var storage = CliStorage.Connect(connection, context.TimeProvider, namePrefix);
        var store = new TableReputationStore(storage.Clients.Table(TableReputationStore.TableName));
        var now = context.TimeProvider.GetUtcNow();
        var low = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var reputation in store.ListAsync(modelId, cancellationToken))
        {
            if (reputation.ScoreAt(now, ReputationPolicy.Default) < score)
            {
                low.Add(reputation.CallerId);
            }
        }

        return low;
    }

    private static async Task<int> SaveAsync(CliContext context, string connection, string modelId, string? modelVersion, WindowSummary summary, long? excludedEvents, string namePrefix, CancellationToken cancellationToken)
    {
        var storage = CliStorage.Connect(connection, context.TimeProvider, namePrefix);
        await new ReferenceStore(storage.Clients.References).SaveAsync(modelId, modelVersion, summary, cancellationToken);
        WriteSaved(context, $"{BlobNames.ReferencesContainer}/{ReferenceStore.BlobName(modelId, modelVersion)}", summary.EventCount, summary.Features.Count, summary.Outcomes.Count, excludedEvents);
        return ExitCodes.Success;
    }

    private static void WriteSaved(CliContext context, string reference, long events, int features, long outcomes, long? excludedEvents) =>
        JsonOutput.WriteLine(context.Out, w =>
        {
            w.WriteStartObject();
            w.WriteString("reference", reference);
            w.WriteNumber("events", events);
            w.WriteNumber("features", features);
            w.WriteNumber("outcomes", outcomes);
            if (excludedEvents is { } excluded)
            {
                w.WriteNumber("excludedEvents", excluded);
            }

            w.WriteEndObject();
        });

    /// <summary>
    /// JSONL of contract-v1 events (or plain feature objects, made into prediction events first): parsed and validated
    /// exactly as ingest does; invalid lines are an input error.
    /// </summary>
    private static async Task<(WindowSummary Summary, long Excluded)> FromEventsAsync(FileInfo file, string modelId, string modelVersion, HashSet<string>? excludedCallers, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliUsageException($"--input: file '{file.FullName}' does not exist.");
        }

        // Training data is historical: no timestamp is "in the future", so arrival is the far end of time.
        var parser = new EventParser();
        var arrival = DateTimeOffset.MaxValue.AddDays(-1);
        var results = new List<Core.Events.ParseResult>();
        WindowSummary? summary = null;
        DateTimeOffset first = DateTimeOffset.MaxValue, last = DateTimeOffset.MinValue;
        var lineNumber = 0;
        long excluded = 0;
        await foreach (var line in File.ReadLinesAsync(file.FullName, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            results.Clear();
            parser.Parse(PlainFeatureLines.ToEventBody(line, lineNumber, modelId, modelVersion), arrival, results);
            foreach (var result in results)
            {
                var e = result.Event ?? throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--input: line {lineNumber}: {result.Error}"));
                if (e.CallerId is { Length: > 0 } caller && excludedCallers?.Contains(caller) == true)
                {
                    excluded++;
                    continue;
                }

                summary ??= new WindowSummary(modelId, modelVersion, e.Timestamp, e.Timestamp);
                summary.Add(e);
                first = e.Timestamp < first ? e.Timestamp : first;
                last = e.Timestamp > last ? e.Timestamp : last;
            }
        }

        if (summary is null)
        {
            throw new CliUsageException("--input: the file holds no events.");
        }

        // Stretch the window over the events' time span.
        var spanned = new WindowSummary(modelId, modelVersion, first, last);
        spanned.Merge(summary);
        return (spanned, excluded);
    }
}
