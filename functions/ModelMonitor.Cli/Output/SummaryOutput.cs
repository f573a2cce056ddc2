using ModelMonitor.Service.Summaries;
using Spectre.Console;

namespace ModelMonitor.Cli.Output;

/// <summary>
/// Renders <see cref="SummaryView"/>: JSON through <see cref="SummaryJson"/> (shared with the ops API), or tables.
/// </summary>
internal static class SummaryOutput
{
    public static void Write(SummaryView view, OutputFormat format, TextWriter stdout, IAnsiConsole console)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.WriteLine(stdout, w => SummaryJson.Write(w, view));
        }
        else
        {
            WriteTables(console, view);
        }
    }

    private static void WriteTables(IAnsiConsole console, SummaryView view)
    {
        console.Write(new Text($"{view.ModelId} {view.ModelVersion}  {JsonOutput.FormatTime(view.From)} .. {JsonOutput.FormatTime(view.To)}  events: {Numbers.Format(view.Count)}"));
        console.WriteLine();

        var numeric = new Table().Title("Numeric features").AddColumns("feature", "count", "missing", "nan", "±inf", "min", "mean", "std", "p50", "p95", "p99", "max");
        var latency = view.LatencyMs;
        foreach (var (name, s) in view.Features.Where(f => f.Numeric is not null).Select(f => (f.Name, f.Numeric!)).Append(("latencyMs", latency)))
        {
            numeric.AddRow(
                new Text(name),
                new Text(Numbers.Format(s.Count)),
                new Text(Numbers.Format(s.Missing)),
                new Text(Numbers.Format(s.Nan)),
                new Text(Numbers.Format(s.PosInf + s.NegInf)),
                new Text(Numbers.Format(s.Min)),
                new Text(Numbers.Format(s.Mean)),
                new Text(Numbers.Format(s.Std)),
                new Text(Numbers.Format(s.P50)),
                new Text(Numbers.Format(s.P95)),
                new Text(Numbers.Format(s.P99)),
                new Text(Numbers.Format(s.Max)));
        }

        console.Write(numeric);

        var categorical = new Table().Title("Categorical features").AddColumns("feature", "count", "missing", "top values");
        foreach (var feature in view.Features.Where(f => f.Numeric is null))
        {
            categorical.AddRow(new Text(feature.Name), new Text(Numbers.Format(feature.Count)), new Text(Numbers.Format(feature.Missing)), new Text(FormatTop(feature.Top)));
        }

        categorical.AddRow(new Text("status"), new Text(Numbers.Format(view.Statuses.Sum(s => s.Count))), new Text(Numbers.Undefined), new Text(FormatTop(view.Statuses)));
        console.Write(categorical);
    }

    internal static string FormatTop(IEnumerable<Core.Sketches.ItemCount> items) =>
        string.Join(", ", items.Select(i => $"{i.Item} {Numbers.Format(i.Count)}"));
}
