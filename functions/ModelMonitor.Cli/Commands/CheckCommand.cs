using System.CommandLine;
using System.Globalization;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Core.Checks;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Service.Checks;
using ModelMonitor.Storage.Configuration;
using Spectre.Console;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor check [--lookback-hours N] [--hours-only] [--format json|table]</c>: what the RunChecks timer does,
/// once: evaluate completed windows against their references, write check results and raise alerts (idempotently).
/// Prints the run's counts and the alerts raised now.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var lookback = new Option<int>("--lookback-hours") { Description = "How far back completed windows are evaluated", HelpName = "N", DefaultValueFactory = _ => new ChecksOptions().LookbackHours };
        var hoursOnly = new Option<bool>("--hours-only") { Description = "Evaluate whole hours only, not every base window (faster over long ranges)" };
        var notify = new Option<string?>("--notify-file") { Description = "Append notifications (episode opened, severity raised, resolved) as JSON lines to this file; - for none", HelpName = "PATH" };
        var format = GlobalOptions.CreateFormat();
        var command = new Command("check", "Run the drift, data-quality and model-quality checks now") { lookback, hoursOnly, notify, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = CliStorage.Connect(parse.GetRequiredValue(global.Storage), context.TimeProvider);
            await storage.Clients.EnsureCreatedAsync(cancellationToken);
            var sink = CliAlerts.Create(storage, context.TimeProvider, parse.GetValue(notify) is { Length: > 0 } file && file != "-" ? file : null);
            var runner = new CheckRunner(
                storage.Reader,
                new ReferenceStore(storage.Clients.References),
                new CheckResultStore(storage.Clients.CheckResults),
                sink,
                context.TimeProvider,
                CheckPolicy.Default,
                TimeSpan.FromHours(InputParsing.RequireRange(parse.GetValue(lookback), 1, 24 * 366, "--lookback-hours")),
                includeBaseWindows: !parse.GetValue(hoursOnly));
            var result = await runner.RunAsync(cancellationToken);
            if (GlobalOptions.ParseFormat(parse.GetValue(format)) == OutputFormat.Json)
            {
                JsonOutput.WriteLine(context.Out, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("evaluated", result.Evaluated);
                    w.WriteNumber("unchanged", result.Unchanged);
                    w.WriteNumber("withoutReference", result.WithoutReference);
                    w.WriteNumber("alertsRaised", result.AlertsRaised);
                    w.WriteNumber("failed", result.Failed);
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            WriteAlerts(context.Out, sink.Raised);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"evaluated {result.Evaluated}, unchanged {result.Unchanged}, without reference {result.WithoutReference}, alert episodes opened {result.AlertsRaised}, failed {result.Failed}"));
            return ExitCodes.Success;
        });
        return command;
    }

    internal static void WriteAlerts(TextWriter output, IReadOnlyList<MonitorAlert> alerts)
    {
        var table = new Table().AddColumns("severity", "kind", "subkind", "model", "feature", "window", "evidence");
        foreach (var alert in alerts.OrderByDescending(a => a.Severity).ThenBy(a => a.ModelId, StringComparer.Ordinal).ThenBy(a => a.WindowStart).Take(40))
        {
            table.AddRow(
                alert.Severity.ToString().ToLowerInvariant(),
                alert.Kind,
                Markup.Escape(alert.Subkind ?? ""),
                Markup.Escape($"{alert.ModelId}/{alert.ModelVersion}"),
                Markup.Escape(alert.Feature ?? ""),
                JsonOutput.FormatTime(alert.WindowStart),
                Markup.Escape(string.Join(", ", alert.Evidence.Where(kv => kv.Value is not null).Take(4).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value:G4}")))));
        }

        var console = Consoles.Create(output);
        console.Write(table);
        if (alerts.Count > 40)
        {
            console.WriteLine($"… and {alerts.Count - 40} more");
        }
    }
}
