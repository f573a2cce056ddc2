using System.CommandLine;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Configuration;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor rollup [--lookback-hours N]</c>: what the two roll-up timers do, once: hourly then daily
/// roll-ups of every model version. Daily roll-ups look back at least 48 hours, as the timer does.
/// Prints <c>{"hourly":{"written","unchanged","empty"},"daily":{…}}</c>.
/// </summary>
internal static class RollupCommand
{
    public const int MinDailyLookbackHours = 48;

    public static Command Create(CliContext context, GlobalOptions global)
    {
        var lookback = new Option<int>("--lookback-hours")
        {
            Description = "How many hours back roll-ups are refreshed",
            HelpName = "N",
            DefaultValueFactory = _ => new RollupOptions().LookbackHours,
        };
        var command = new Command("rollup", "Run the hourly then the daily roll-ups now") { lookback };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            InputParsing.RequireRange(parse.GetValue(lookback), 1, 24 * 31, "--lookback-hours"),
            parse.GetRequiredValue(global.Storage),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, int lookbackHours, string connection, CancellationToken cancellationToken)
    {
        var storage = CliStorage.Connect(connection, context.TimeProvider);
        await storage.Clients.EnsureCreatedAsync(cancellationToken);
        await context.Error.WriteLineAsync($"rolling up the last {lookbackHours} h (hourly), {Math.Max(lookbackHours, MinDailyLookbackHours)} h (daily)…");
        var hourly = await storage.Rollups.RunAsync(Granularity.Hour, TimeSpan.FromHours(lookbackHours), cancellationToken);
        var daily = await storage.Rollups.RunAsync(Granularity.Day, TimeSpan.FromHours(Math.Max(lookbackHours, MinDailyLookbackHours)), cancellationToken);
        JsonOutput.WriteLine(context.Out, w =>
        {
            w.WriteStartObject();
            Write(w, "hourly", hourly);
            Write(w, "daily", daily);
            w.WriteEndObject();
        });
        return ExitCodes.Success;
    }

    private static void Write(System.Text.Json.Utf8JsonWriter w, string name, RollupResult result)
    {
        w.WriteStartObject(name);
        w.WriteNumber("written", result.Written);
        w.WriteNumber("unchanged", result.Unchanged);
        w.WriteNumber("empty", result.Empty);
        w.WriteEndObject();
    }
}
