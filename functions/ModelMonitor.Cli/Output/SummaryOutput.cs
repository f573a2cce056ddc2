using System.Text.Json;
using Spectre.Console;

namespace ModelMonitor.Cli.Output;

/// <summary>
/// Renders <see cref="SummaryView"/>. JSON shape:
/// <c>{"modelId","modelVersion","from","to","count","features":{name:{"kind":"numeric",count,missing,nan,posInf,negInf,min,max,mean,std,p50,p95,p99}
/// | {"kind":"categorical",count,missing,"top":[{"value","count"}]}},"latencyMs":{numeric fields},"status":{value:count}}</c>.
/// </summary>
internal static class SummaryOutput
{
    public static void Write(SummaryView view, OutputFormat format, TextWriter stdout, IAnsiConsole console)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.WriteLine(stdout, w => WriteJson(w, view));
        }
        else
        {
            WriteTables(console, view);
        }
    }

    private static void WriteJson(Utf8JsonWriter w, SummaryView view)
    {
        w.WriteStartObject();
        w.WriteString("modelId", view.ModelId);
        w.WriteString("modelVersion", view.ModelVersion);
        w.WriteString("from", JsonOutput.FormatTime(view.From));
        w.WriteString("to", JsonOutput.FormatTime(view.To));
        w.WriteNumber("count", view.Count);
        w.WriteStartObject("features");
        foreach (var feature in view.Features)
        {
            w.WriteStartObject(feature.Name);
            if (feature.Numeric is { } numeric)
            {
                w.WriteString("kind", "numeric");
                WriteNumericFields(w, numeric);
            }
            else
            {
                w.WriteString("kind", "categorical");
                w.WriteNumber("count", feature.Count);
                w.WriteNumber("missing", feature.Missing);
                w.WriteStartArray("top");
                foreach (var item in feature.Top)
                {
                    w.WriteStartObject();
                    w.WriteString("value", item.Item);
                    w.WriteNumber("count", item.Count);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("latencyMs");
        WriteNumericFields(w, view.LatencyMs);
        w.WriteEndObject();
        w.WriteStartObject("status");
        foreach (var status in view.Statuses)
        {
            w.WriteNumber(status.Item, status.Count);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNumericFields(Utf8JsonWriter w, NumericStats s)
    {
        w.WriteNumber("count", s.Count);
        w.WriteNumber("missing", s.Missing);
        w.WriteNumber("nan", s.Nan);
        w.WriteNumber("posInf", s.PosInf);
        w.WriteNumber("negInf", s.NegInf);
        w.WriteNumberOrNull("min", s.Min);
        w.WriteNumberOrNull("max", s.Max);
        w.WriteNumberOrNull("mean", s.Mean);
        w.WriteNumberOrNull("std", s.Std);
        w.WriteNumberOrNull("p50", s.P50);
        w.WriteNumberOrNull("p95", s.P95);
        w.WriteNumberOrNull("p99", s.P99);
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
