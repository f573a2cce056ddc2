using System.CommandLine;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Cli.Sources;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor ingest --events FILE.jsonl [--source NAME] [--format json|table]</c>: folds a JSON Lines file
/// through the Function's ingest pipeline. The file is one partition (named by <c>--source</c>, default the
/// sanitized file name) and line numbers are sequence numbers, so re-ingesting the file counts nothing twice.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var events = new Option<FileInfo>("--events") { Description = "JSON Lines file: one message body per line", HelpName = "FILE.jsonl", Required = true };
        var source = new Option<string?>("--source") { Description = "Partition name for the file (default: the file name, sanitized to [A-Za-z0-9._-]{1,64})", HelpName = "NAME" };
        var format = GlobalOptions.CreateFormat();
        var command = new Command("ingest", "Ingest a JSON Lines file of contract-v1 messages") { events, source, format };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse.GetRequiredValue(events),
            parse.GetValue(source),
            parse.GetRequiredValue(global.Storage),
            GlobalOptions.ParseFormat(parse.GetValue(format)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, FileInfo file, string? sourceName, string connection, OutputFormat format, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliUsageException($"--events file not found: {file.FullName}");
        }

        try
        {
            await using var probe = file.OpenRead();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--events file cannot be read: {ex.Message}");
        }

        var partition = sourceName is null ? SourceNames.FromFileName(file.Name) : InputParsing.RequireIdentifier(sourceName, "--source");
        var storage = CliStorage.Connect(connection, context.TimeProvider);
        await storage.Clients.EnsureCreatedAsync(cancellationToken);

        var reader = new JsonLinesFileSource(file.FullName, partition, context.TimeProvider);
        var ingestor = new SourceIngestor(storage.CreatePipeline());
        var result = await ProgressDisplay.RunAsync(context.ErrorConsole, context.TimeProvider, async progress =>
        {
            var task = progress.AddTask($"ingest {partition}", maxValue: 1.0);
            var total = await ingestor.RunAsync(reader, (_, _) => task.Value = reader.Progress, cancellationToken);
            task.Value = task.MaxValue;
            return total;
        });

        IngestOutput.Write(result, format, context.Out, context.OutConsole);
        return ExitCodes.Success;
    }
}
