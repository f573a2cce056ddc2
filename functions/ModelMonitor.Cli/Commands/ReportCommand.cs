using System.CommandLine;
using System.Globalization;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Cli.Report;
using ModelMonitor.Service.Reports;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor report --out report.html [--model ID]... [--from T --to T]</c>: a self-contained HTML report of what the
/// stores hold (drift, serving, callers, label-based quality, alert incidents, rollbacks). Defaults: every model,
/// from = now − 30 days, to = now + 1 day. Prints one JSON line: the file, models and incidents.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var output = new Option<string>("--out") { Description = "HTML file to write", HelpName = "FILE", Required = true };
        var model = new Option<string[]>("--model") { Description = "Only this model; repeat for several (default: every stored model)", HelpName = "ID" };
        var from = new Option<string?>("--from") { Description = "Start, inclusive, ISO-8601 (default: now − 30 days)", HelpName = "T" };
        var to = new Option<string?>("--to") { Description = "End, exclusive, ISO-8601 (default: now + 1 day)", HelpName = "T" };
        var command = new Command("report", "Write a self-contained HTML report from the stored summaries, check results, alerts and rollbacks") { output, model, from, to };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var now = context.TimeProvider.GetUtcNow();
            var request = new ReportRequest(
                [.. (parse.GetValue(model) ?? []).Select(m => InputParsing.RequireIdentifier(m, "--model"))],
                InputParsing.ParseTime(parse.GetValue(from), "--from") ?? now - SummaryCommand.DefaultLookback,
                InputParsing.ParseTime(parse.GetValue(to), "--to") ?? now + SummaryCommand.DefaultLookahead);
            if (request.From >= request.To)
            {
                throw new CliUsageException($"--from ({JsonOutput.FormatTime(request.From)}) must be before --to ({JsonOutput.FormatTime(request.To)}).");
            }

            var path = parse.GetRequiredValue(output);
            var storage = CliStorage.Connect(parse.GetRequiredValue(global.Storage), context.TimeProvider);
            var report = await ReportWriter.WriteAsync(storage, path, request, context.TimeProvider, cancellationToken);
            await context.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"report\":\"{JsonEncoded(Path.GetFullPath(path))}\",\"models\":{report.Models.Count},\"incidents\":{report.Incidents.Count}}}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string JsonEncoded(string text) => System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(text);
}
