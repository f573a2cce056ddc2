using System.CommandLine;
using System.Globalization;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Cli.Replay;
using ModelMonitor.Cli.Report;
using ModelMonitor.Cli.Sources;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Reports;
using ModelMonitor.Storage.Configuration;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor replay --events FILE.jsonl [--storage CONN] [--config POLICY.json] [--report FILE.html] [--format json]</c>: pushes a
/// file of contract-v1 events through ingestion, roll-ups and every check in event-time order with a simulated clock
/// (<see cref="ReplayRunner"/>), and prints each new alert episode; with <c>--format json</c> one JSON line per episode
/// and a final line of counts by kind (<see cref="EpisodeOutput"/>). Progress and the human summary go to stderr.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var events = new Option<FileInfo>("--events") { Description = "JSON Lines file of contract-v1 messages, in any order", HelpName = "FILE.jsonl", Required = true };
        var config = new Option<FileInfo?>("--config") { Description = "Policy to replay with: {\"<model or *>\":{\"checks\":{…},\"lineage\":{…}}}; read, never stored", HelpName = "POLICY.json" };
        var prefix = new Option<string?>("--name-prefix") { Description = "Put before every container and table name, to replay into a fresh, isolated set (lower-case letters and digits)", HelpName = "PREFIX" };
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report of the replayed models over the replayed range", HelpName = "FILE.html" };
        var format = new Option<string>("--format") { Description = "json: one line per new episode, then counts by kind; table: for people", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("replay", "Replay a file through ingestion, roll-ups and every check in event-time order, printing the alert episodes it opens")
        {
            events, config, prefix, report, format,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse.GetRequiredValue(events),
            parse.GetValue(config),
            parse.GetValue(prefix) ?? string.Empty,
            parse.GetValue(report),
            parse.GetRequiredValue(global.Storage),
            GlobalOptions.ParseFormat(parse.GetValue(format)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, FileInfo file, FileInfo? config, string prefix, string? reportPath, string connection, OutputFormat format, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliUsageException($"--events file not found: {file.FullName}");
        }

        if (config is { Exists: false })
        {
            throw new CliUsageException($"--config file not found: {config.FullName}");
        }

        if (!MonitorStorageClients.IsValidPrefix(prefix))
        {
            throw new CliUsageException($"--name-prefix '{prefix}': use 1-20 lower-case letters and digits, starting with a letter.");
        }

        var policy = config is null ? new Dictionary<(string, string), string>() : ReplayPolicyFile.Read(config);
        IReadOnlyList<ReplayEvent> lines;
        try
        {
            lines = await ReplayEventFile.ReadAsync(file.FullName, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--events file cannot be read: {ex.Message}");
        }

        if (reportPath is { Length: 0 })
        {
            throw new CliUsageException("--report: give the HTML file to write.");
        }

        var clock = new SimulatedClock(lines.FirstOrDefault(l => l.Time is not null)?.Time ?? context.TimeProvider.GetUtcNow());
        var storage = CliStorage.Connect(connection, clock, prefix);
        // Its own partition: ranks in event-time order are not the line numbers "ingest" uses as sequence numbers.
        var source = SourceNames.FromFileName(file.Name);
        var runner = new ReplayRunner(storage, clock, policy, "replay-" + source[..Math.Min(source.Length, 57)]);
        var opened = new List<OpenedEpisode>();
        var failedStages = 0;
        var totals = await runner.RunAsync(
            lines,
            step =>
            {
                failedStages += step.StagesFailed;
                foreach (var episode in step.Opened)
                {
                    opened.Add(episode);
                    if (format == OutputFormat.Json)
                    {
                        EpisodeOutput.WriteEpisode(context.Out, episode);
                    }
                }

                return Task.CompletedTask;
            },
            cancellationToken);

        if (format == OutputFormat.Json)
        {
            EpisodeOutput.WriteCounts(context.Out, opened);
        }
        else
        {
            CheckCommand.WriteAlerts(context.Out, [.. opened.Select(o => o.Alert)]);
            await context.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"replay: {totals.Lines} line(s), {totals.Ingest.Folded} folded, {totals.Ingest.DeadLettered} dead-lettered, {totals.Ingest.SkippedDuplicates} duplicate(s); {totals.Steps} hourly step(s); {opened.Count} episode(s) opened ({string.Join(", ", opened.GroupBy(o => o.Alert.Kind).Select(g => $"{g.Key} {g.Count()}"))})"));
        }

        if (reportPath is not null)
        {
            await WriteReportAsync(context, storage, clock, lines, reportPath, cancellationToken);
        }

        await context.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"replay: {totals.Lines} line(s), {totals.Ingest.Folded} folded, {totals.Ingest.DeadLettered} dead-lettered, {totals.Steps} step(s), {failedStages} stage failure(s)"));
        return ExitCodes.Success;
    }

    /// <summary>The replayed models over [the first event's hour, the clock's end]: what the replay just produced.</summary>
    private static async Task WriteReportAsync(
        CliContext context, CliStorage storage, SimulatedClock clock, IReadOnlyList<ReplayEvent> lines, string path, CancellationToken cancellationToken)
    {
        var models = ReplayModels.From(lines);
        var end = clock.GetUtcNow();
        var start = lines.FirstOrDefault(l => l.Time is not null)?.Time is { } first ? Granularity.Hour.Floor(first) : end - Granularity.Day.Length;
        if (models.Count == 0 || start >= end)
        {
            await context.Error.WriteLineAsync($"replay: no model to report; {path} not written");
            return;
        }

        var written = await ReportWriter.WriteAsync(storage, path, new ReportRequest(models, start, end), clock, cancellationToken);
        await context.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"replay: report {Path.GetFullPath(path)} ({written.Models.Count} model(s), {written.Incidents.Count} incident(s))"));
    }
}
