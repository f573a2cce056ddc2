using System.Globalization;
using ModelMonitor.Cli.Demo;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Service.Summaries;
using Spectre.Console;

namespace ModelMonitor.Cli.Output;

/// <summary>
/// The demo's human report (a compact table per model comparing the whole run with its last day, where the
/// scripted incidents happen, then the dead letters) and its one-line JSON totals record for scripts.
/// </summary>
internal static class DemoReport
{
    public static void WriteModels(IAnsiConsole console, DemoSettings settings, IReadOnlyList<ModelReport> reports)
    {
        foreach (var report in reports)
        {
            var versions = report.Versions.Count == 0 ? "no data" : "version " + string.Join(", ", report.Versions);
            var table = new Table()
                .Title($"{report.ModelId} ({versions})")
                .AddColumn("metric")
                .AddColumn(new TableColumn($"all {settings.Days} day(s)").RightAligned())
                .AddColumn(new TableColumn("last day").RightAligned());
            foreach (var (metric, run, lastDay) in Rows(report))
            {
                table.AddRow(new Text(metric), new Text(run), new Text(lastDay));
            }

            console.Write(table);
        }
    }

    public static void WriteDeadLetters(IAnsiConsole console, IReadOnlyList<DeadLetter> letters)
    {
        console.Write(DeadLetterOutput.CreateTable(letters).Title($"Dead letters ({letters.Count})"));
    }

    /// <summary>
    /// <c>{"seed","start","end","days","models","eventsPerHour","stream","messages","received","folded","deadLettered","skippedDuplicates","windowsWritten","rollupsWritten"}</c>,
    /// then <c>"scorecard"</c> (<see cref="ScorecardOutput.Write"/>) when the checks ran and <c>"report"</c> (the report.html path) when one was written.
    /// </summary>
    public static void WriteTotals(TextWriter stdout, DemoSettings settings, DemoTotals totals, Demo.Scenario.Scorecard? scorecard = null, string? reportPath = null)
    {
        JsonOutput.WriteLine(stdout, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("seed", settings.Seed);
            w.WriteString("start", JsonOutput.FormatTime(settings.Start));
            w.WriteString("end", JsonOutput.FormatTime(settings.End));
            w.WriteNumber("days", settings.Days);
            w.WriteStartArray("models");
            foreach (var model in settings.Models)
            {
                w.WriteStringValue(model);
            }

            w.WriteEndArray();
            w.WriteNumber("eventsPerHour", settings.EventsPerHour);
            w.WriteString("stream", settings.StreamId);
            w.WriteNumber("messages", totals.Messages);
            w.WriteNumber("received", totals.Ingest.Received);
            w.WriteNumber("folded", totals.Ingest.Folded);
            w.WriteNumber("deadLettered", totals.Ingest.DeadLettered);
            w.WriteNumber("skippedDuplicates", totals.Ingest.SkippedDuplicates);
            w.WriteNumber("windowsWritten", totals.Ingest.WindowsWritten);
            w.WriteNumber("rollupsWritten", totals.Hourly.Written + totals.Daily.Written);
            if (scorecard is not null)
            {
                w.WritePropertyName("scorecard");
                ScorecardOutput.Write(w, scorecard);
            }

            if (reportPath is not null)
            {
                w.WriteString("report", reportPath);
            }

            w.WriteEndObject();
        });
    }

    private static IEnumerable<(string Metric, string Run, string LastDay)> Rows(ModelReport report)
    {
        (string, string, string) Row(string metric, Func<WindowSummary, string> value) =>
            (metric, report.Run is null ? Numbers.Undefined : value(report.Run), report.LastDay is null ? Numbers.Undefined : value(report.LastDay));

        yield return Row("predictions", s => Numbers.Format(s.EventCount));
        yield return Row("labelled outcomes", s => Numbers.Format(s.Outcomes.Count));
        yield return Row("distinct callers (≈)", s => Numbers.Format(Math.Round(s.DistinctCallers.Estimate())));
        yield return Row("top caller", TopCaller);
        foreach (var feature in DemoModels.Highlights(report.ModelId))
        {
            yield return Row($"{feature} mean / p50 / p95", s => Distribution(s, feature));
        }

        yield return Row("latency ms p50 / p95", s => s.LatencyMs.Count == 0
            ? Numbers.Undefined
            : $"{Numbers.Format(s.LatencyMs.Sketch.GetQuantile(0.5))} / {Numbers.Format(s.LatencyMs.Sketch.GetQuantile(0.95))}");
        yield return Row("status", s => SummaryOutput.FormatTop(SummaryView.ByCount(s.Statuses.All()).Take(4)));
        if (report.Run is { } run)
        {
            if (run.Impressions > 0)
            {
                yield return Row("click-through (clicks / impressions)", s => Numbers.Percent((double)s.Outcomes.Clicks / s.Impressions));
            }
            else if (run.Outcomes.Calibration.Total > 0)
            {
                yield return Row("positive labels", s => Numbers.Percent((double)s.Outcomes.Labels.GetCount("1") / s.Outcomes.Labels.TotalCount));
            }
            else if (run.Outcomes.Regression.Count > 0)
            {
                yield return Row("MAE / bias", s => $"{Numbers.Format(s.Outcomes.Regression.MeanAbsoluteError)} / {Numbers.Format(s.Outcomes.Regression.Bias)}");
            }
        }
    }

    private static string TopCaller(WindowSummary summary)
    {
        var top = summary.Callers.Top(1);
        return top.Count == 0 || summary.Callers.TotalCount == 0
            ? Numbers.Undefined
            : string.Create(CultureInfo.InvariantCulture, $"{top[0].Item} ({Numbers.Percent((double)top[0].Count / summary.Callers.TotalCount)})");
    }

    private static string Distribution(WindowSummary summary, string feature)
    {
        if (!summary.Features.TryGetValue(feature, out var f) || f.Numeric is not { Count: > 0 } n)
        {
            return Numbers.Undefined;
        }

        return $"{Numbers.Format(n.Mean)} / {Numbers.Format(n.Sketch.GetQuantile(0.5))} / {Numbers.Format(n.Sketch.GetQuantile(0.95))}";
    }
}
