using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelMonitor.Service.Summaries;

/// <summary>
/// The one JSON projection of a <see cref="SummaryView"/>, printed by <c>modelmonitor summary --format json</c> and
/// answered by <c>GET /api/models/{id}/summary</c>, so both stay the same shape:
/// <c>{"modelId","modelVersion","from","to","count","features":{name:{"kind":"numeric",count,missing,nan,posInf,negInf,min,max,mean,std,p50,p95,p99}
/// | {"kind":"categorical",count,missing,"top":[{"value","count"}]}},"latencyMs":{numeric fields},"status":{value:count}}</c>.
/// Undefined statistics are null.
/// </summary>
public static class SummaryJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        // Data for tools, not HTML: keep '<', '&', non-ASCII and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <returns>The view as one compact JSON document.</returns>
    public static string Serialize(SummaryView view)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, view);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter w, SummaryView view)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(view);
        w.WriteStartObject();
        w.WriteString("modelId", view.ModelId);
        w.WriteString("modelVersion", view.ModelVersion);
        w.WriteString("from", FormatTime(view.From));
        w.WriteString("to", FormatTime(view.To));
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

    /// <summary>UTC, ISO 8601, trailing zero fractions dropped (the CLI's time format).</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void WriteNumericFields(Utf8JsonWriter w, NumericStats s)
    {
        w.WriteNumber("count", s.Count);
        w.WriteNumber("missing", s.Missing);
        w.WriteNumber("nan", s.Nan);
        w.WriteNumber("posInf", s.PosInf);
        w.WriteNumber("negInf", s.NegInf);
        NumberOrNull(w, "min", s.Min);
        NumberOrNull(w, "max", s.Max);
        NumberOrNull(w, "mean", s.Mean);
        NumberOrNull(w, "std", s.Std);
        NumberOrNull(w, "p50", s.P50);
        NumberOrNull(w, "p95", s.P95);
        NumberOrNull(w, "p99", s.P99);
    }

    private static void NumberOrNull(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
