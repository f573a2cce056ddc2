using System.CommandLine;
using ModelMonitor.Cli.Demo;
using ModelMonitor.Cli.Demo.Scenario;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Cli.Report;
using ModelMonitor.Service.Reports;
using Spectre.Console;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor demo [--days 3] [--models fraud,recsys,pricing] [--seed 42] [--events-per-hour 600] [--start T] [--report PATH]</c>:
/// simulates several days of production traffic with scripted incidents (<see cref="DemoScenario"/>), ingests it
/// through the Function's pipeline from an in-process Event Hubs stand-in, rolls up, runs the monitoring cycle, scores
/// the episodes it opened against what was injected (<see cref="Scorecard"/>) and writes report.html. Progress, the
/// tables and the scorecard go to stderr; stdout gets one JSON line of totals. Deterministic for a seed and start (default: today's UTC midnight − days), so a re-run folds nothing
/// twice and reports the events as skipped duplicates.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var days = new Option<int>("--days") { Description = $"Simulated days (1-{DemoSettings.MaxDays})", HelpName = "N", DefaultValueFactory = _ => DemoSettings.DefaultDays };
        var models = new Option<string>("--models") { Description = "Comma-separated models to simulate", HelpName = "LIST", DefaultValueFactory = _ => string.Join(',', DemoModels.All) };
        var seed = new Option<int>("--seed") { Description = "Random seed: same seed and start, same stream", HelpName = "N", DefaultValueFactory = _ => 42 };
        var rate = new Option<int>("--events-per-hour") { Description = "Average predictions per hour per model from ordinary callers", HelpName = "N", DefaultValueFactory = _ => DemoSettings.DefaultEventsPerHour };
        var start = new Option<string?>("--start") { Description = "First simulated hour, ISO-8601, floored to the hour (default: today's UTC midnight − days)", HelpName = "T" };
        var report = new Option<string>("--report") { Description = "Where to write the self-contained report.html", HelpName = "PATH", DefaultValueFactory = _ => "report.html" };
        var command = new Command("demo", "Simulate, ingest, roll up and report a multi-day stream for a few models (local end-to-end run)")
        {
            days, models, seed, rate, start, report,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var dayCount = InputParsing.RequireRange(parse.GetValue(days), 1, DemoSettings.MaxDays, "--days");
            var settings = new DemoSettings(
                StartOf(InputParsing.ParseTime(parse.GetValue(start), "--start"), dayCount, context.TimeProvider),
                dayCount,
                ParseModels(parse.GetRequiredValue(models)),
                parse.GetValue(seed),
                InputParsing.RequireRange(parse.GetValue(rate), 1, DemoSettings.MaxEventsPerHour, "--events-per-hour"));
            return RunAsync(context, settings, parse.GetRequiredValue(global.Storage), parse.GetRequiredValue(report), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, DemoSettings settings, string connection, string reportPath, CancellationToken cancellationToken)
    {
        var storage = CliStorage.Connect(connection, context.TimeProvider);
        var runner = new DemoRunner(storage, settings, context.TimeProvider, context.Error);
        context.ErrorConsole.WriteLine(
            $"demo: {string.Join(", ", settings.Models)} from {JsonOutput.FormatTime(settings.Start)} to {JsonOutput.FormatTime(settings.End)}, seed {settings.Seed}, ~{settings.EventsPerHour}/h per model, partitions {settings.StreamId}-{{0..{DemoSettings.PartitionCount - 1}}}");
        var totals = await runner.RunAsync(context.ErrorConsole, cancellationToken);
        DemoReport.WriteModels(context.ErrorConsole, settings, await runner.ReadReportsAsync(cancellationToken));
        DemoReport.WriteDeadLetters(context.ErrorConsole, await runner.ReadDeadLettersAsync(cancellationToken));
        context.ErrorConsole.WriteLine("checks: first day as reference, then the monitoring cycle every simulated hour of the last day (the first step catches up on the days before) …");
        Scorecard? scorecard = null;
        if (await runner.CheckAsync(cancellationToken) is { } checks)
        {
            CheckCommand.WriteAlerts(context.Error, [.. checks.Opened.Select(o => o.Alert)]);
            var (incidents, cascades) = checks.IncidentCounts();
            context.ErrorConsole.WriteLine(
                $"checks: {checks.Steps.Count} hourly cycles, alert episodes opened {checks.Opened.Count} ({string.Join(", ", checks.Opened.GroupBy(o => o.Alert.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))}) in {incidents} incident(s), {cascades} of them cascades; stages failed {checks.Steps.Sum(s => s.StagesFailed)}; notifications in {DemoRunner.NotificationFile}");
            scorecard = DemoScenario.For(settings).Score(checks.Opened);
            ScorecardOutput.WriteTable(context.ErrorConsole, scorecard);
        }
        else
        {
            context.ErrorConsole.WriteLine("checks: skipped (they need at least two days: the first is the reference)");
        }

        var fullReportPath = Path.GetFullPath(reportPath);
        var written = await ReportWriter.WriteAsync(storage, fullReportPath, new ReportRequest(settings.Models, settings.Start, settings.End), context.TimeProvider, cancellationToken);
        context.ErrorConsole.WriteLine($"report: {fullReportPath} ({written.Models.Count} model(s), {written.Incidents.Count} incident(s))");
        DemoReport.WriteTotals(context.Out, settings, totals, scorecard, fullReportPath);
        return ExitCodes.Success;
    }

    private static DateTimeOffset StartOf(DateTimeOffset? requested, int days, TimeProvider timeProvider)
    {
        if (requested is { } start)
        {
            return new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        }

        var today = timeProvider.GetUtcNow().UtcDateTime.Date;
        return new DateTimeOffset(today, TimeSpan.Zero).AddDays(-days);
    }

    private static IReadOnlyList<string> ParseModels(string list)
    {
        var models = DemoModels.Parse(list, out var unknown);
        if (unknown.Count > 0 || models.Count == 0)
        {
            throw new CliUsageException($"--models '{list}': use one or more of {string.Join(", ", DemoModels.All)}, comma-separated.");
        }

        return models;
    }
}
