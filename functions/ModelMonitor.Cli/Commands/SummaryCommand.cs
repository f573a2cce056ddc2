using System.CommandLine;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Service.Summaries;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor summary --model ID [--version V] [--from T] [--to T] [--format json|table]</c>: the merged
/// summary of a model over [from, to) read through roll-ups where they exist. Defaults: from = now − 30 days,
/// to = now + 1 day (so events timestamped slightly ahead are included). Exit code 3 when nothing is stored.
/// </summary>
internal static class SummaryCommand
{
    public static readonly TimeSpan DefaultLookback = TimeSpan.FromDays(30);
    public static readonly TimeSpan DefaultLookahead = TimeSpan.FromDays(1);

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var model = new Option<string>("--model") { Description = "Model id", HelpName = "ID", Required = true };
        var version = new Option<string?>("--version") { Description = "Model version (default: all versions merged, reported as \"*\" when several)", HelpName = "V" };
        var from = new Option<string?>("--from") { Description = "Start, inclusive, ISO-8601 (default: now − 30 days)", HelpName = "T" };
        var to = new Option<string?>("--to") { Description = "End, exclusive, ISO-8601 (default: now + 1 day)", HelpName = "T" };
        var format = GlobalOptions.CreateFormat();
        var command = new Command("summary", "Print a model's merged summary over a time range") { model, version, from, to, format };
        command.SetAction((parse, cancellationToken) =>
        {
            var now = context.TimeProvider.GetUtcNow();
            var request = new Request(
                InputParsing.RequireIdentifier(parse.GetRequiredValue(model), "--model"),
                parse.GetValue(version) is { } v ? InputParsing.RequireIdentifier(v, "--version") : null,
                InputParsing.ParseTime(parse.GetValue(from), "--from") ?? now - DefaultLookback,
                InputParsing.ParseTime(parse.GetValue(to), "--to") ?? now + DefaultLookahead);
            return RunAsync(context, request, parse.GetRequiredValue(global.Storage), GlobalOptions.ParseFormat(parse.GetValue(format)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, Request request, string connection, OutputFormat format, CancellationToken cancellationToken)
    {
        if (request.From >= request.To)
        {
            throw new CliUsageException($"--from ({JsonOutput.FormatTime(request.From)}) must be before --to ({JsonOutput.FormatTime(request.To)}).");
        }

        var storage = CliStorage.Connect(connection, context.TimeProvider);
        var summary = await storage.Clients.Windows.ExistsAsync(cancellationToken)
            ? await storage.Reader.ReadRangeAsync(request.ModelId, request.ModelVersion, request.From, request.To, cancellationToken)
            : null;
        if (summary is null)
        {
            var version = request.ModelVersion is null ? "any version" : $"version '{request.ModelVersion}'";
            await context.Error.WriteLineAsync(
                $"error: no summary for model '{request.ModelId}' ({version}) between {JsonOutput.FormatTime(request.From)} and {JsonOutput.FormatTime(request.To)}.");
            return ExitCodes.NotFound;
        }

        SummaryOutput.Write(SummaryView.Create(summary, request.From, request.To), format, context.Out, context.OutConsole);
        return ExitCodes.Success;
    }

    private sealed record Request(string ModelId, string? ModelVersion, DateTimeOffset From, DateTimeOffset To);
}
