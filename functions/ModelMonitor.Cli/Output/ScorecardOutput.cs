using System.Globalization;
using System.Text.Json;
using ModelMonitor.Cli.Demo.Scenario;
using Spectre.Console;

namespace ModelMonitor.Cli.Output;

/// <summary>The local run's scorecard: a table for people (stderr) and an object for the totals line.</summary>
internal static class ScorecardOutput
{
    /// <summary>Episodes listed per incident and false alarms listed at most, so a noisy run stays readable.</summary>
    private const int MaxListed = 6;

    public static void WriteTable(IAnsiConsole console, Scorecard scorecard)
    {
        var table = new Table()
            .Title($"Scorecard: {scorecard.Detected}/{scorecard.Incidents.Count} incident(s) detected, {scorecard.FalseAlarms.Count} false alarm(s) of {scorecard.EpisodeCount} episode(s): {(scorecard.Passed ? "PASS" : "FAIL")}")
            .AddColumns("incident", "models", "injected at", "verdict", "windows to detect", "episodes");
        foreach (var score in scorecard.Incidents)
        {
            table.AddRow(
                new Text(score.Incident.Id),
                new Text(string.Join(", ", score.Incident.Models)),
                new Text(JsonOutput.FormatTime(score.Incident.Start)),
                new Text(score.Detected ? "detected" : "MISSED"),
                new Text(score.WindowsToDetect?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                new Text(Listed(score.Episodes)));
        }

        table.AddRow(
            new Text("false alarms"),
            new Text(string.Join(", ", scorecard.FalseAlarms.Select(e => e.ModelId).Distinct(StringComparer.Ordinal))),
            new Text(string.Empty),
            new Text(scorecard.FalseAlarms.Count.ToString(CultureInfo.InvariantCulture)),
            new Text(string.Empty),
            new Text(Listed(scorecard.FalseAlarms)));
        console.Write(table);
    }

    /// <summary>
    /// <c>{"passed","incidents":[{"id","models","start","detected","windowsToDetect","episodes"}],"falseAlarms":[episode id…],"episodes"}</c>.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Scorecard scorecard)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("passed", scorecard.Passed);
        writer.WriteNumber("detected", scorecard.Detected);
        writer.WriteNumber("missed", scorecard.Missed);
        writer.WriteStartArray("incidents");
        foreach (var score in scorecard.Incidents)
        {
            writer.WriteStartObject();
            writer.WriteString("id", score.Incident.Id);
            writer.WriteStartArray("models");
            foreach (var model in score.Incident.Models)
            {
                writer.WriteStringValue(model);
            }

            writer.WriteEndArray();
            writer.WriteString("start", JsonOutput.FormatTime(score.Incident.Start));
            writer.WriteBoolean("detected", score.Detected);
            if (score.WindowsToDetect is { } windows)
            {
                writer.WriteNumber("windowsToDetect", windows);
            }
            else
            {
                writer.WriteNull("windowsToDetect");
            }

            writer.WriteNumber("episodes", score.Episodes.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("falseAlarms");
        foreach (var episode in scorecard.FalseAlarms)
        {
            writer.WriteStringValue(episode.EpisodeId);
        }

        writer.WriteEndArray();
        writer.WriteNumber("episodes", scorecard.EpisodeCount);
        writer.WriteEndObject();
    }

    private static string Listed(IReadOnlyList<ScorecardEpisode> episodes)
    {
        var lines = episodes.Take(MaxListed).Select(e =>
            $"{e.Severity} {e.Kind}{(e.Subkind is null ? "" : "/" + e.Subkind)} {e.ModelId}{(e.Feature is null ? "" : " '" + e.Feature + "'")} @ {JsonOutput.FormatTime(e.WindowStart)}{(e.CauseModelId is null ? "" : " (caused by " + e.CauseModelId + ")")}");
        var text = string.Join('\n', lines);
        return episodes.Count > MaxListed ? text + $"\n… and {episodes.Count - MaxListed} more" : text;
    }
}
