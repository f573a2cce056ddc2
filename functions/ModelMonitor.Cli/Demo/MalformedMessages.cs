using System.Text;

namespace ModelMonitor.Cli.Demo;

/// <summary>
/// The handful of bad messages real producers send, injected on the first day so the demo shows dead letters
/// and their reasons. One of them, a Python client's bare <c>NaN</c> token, is not JSON but must be accepted.
/// </summary>
internal static class MalformedMessages
{
    /// <summary>Just over the 1 MiB message limit.</summary>
    public const int OversizedBytes = (1024 * 1024) + 4096;

    /// <summary>How many of the injected messages must be dead-lettered (all but the bare-NaN one).</summary>
    public const int ExpectedDeadLetters = 8;

    public static void Schedule(ModelSimulator target, DemoSettings settings, MessageSchedule schedule)
    {
        var model = target.ModelId;
        var version = target.MainVersion;
        var feature = target.NumericFeature;
        var at = settings.Start.AddHours(2);
        var n = 0;

        void Add(string partitionKey, string json)
        {
            var sent = at.AddMinutes(7 * n);
            schedule.Add(sent, partitionKey, Encoding.UTF8.GetBytes(json.Replace("{TS}", Time(sent.AddMilliseconds(-250)), StringComparison.Ordinal)));
            n++;
        }

        string Header(string eventId) =>
            $$"""{"schema":"prediction/v1","eventId":"{{eventId}}","modelId":"{{model}}","modelVersion":"{{version}}","timestamp":"{TS}" """.TrimEnd();

        // Truncated in flight: invalid JSON.
        Add(model, Header("bad-json-1") + $$""","features":{"{{feature}}":12.5""");

        // Wrong types: an object where a feature value belongs, and latency as text.
        Add(model, Header("wrong-type-1") + $$$""","features":{"{{{feature}}}":{"value":12.5}},"status":"ok"}""");
        Add(model, Header("wrong-type-2") + ""","latencyMs":"fast","status":"ok"}""");

        // No eventId.
        Add(model, $$"""{"schema":"prediction/v1","modelId":"{{model}}","modelVersion":"{{version}}","timestamp":"{TS}","status":"ok"}""");

        // A model id that would walk out of the blob hierarchy.
        Add("../x", """{"schema":"prediction/v1","eventId":"traversal-1","modelId":"../x","modelVersion":"1","timestamp":"{TS}","status":"ok"}""");

        // Over the 1 MiB message limit: someone logged a whole document as a feature.
        Add(model, Header("oversized-1") + $$""","features":{"notes":"{{new string('x', OversizedBytes)}}"},"status":"ok"}""");

        // A schema version this service does not speak.
        Add(model, $$"""{"schema":"prediction/v2","eventId":"schema-v2-1","modelId":"{{model}}","modelVersion":"{{version}}","timestamp":"{TS}"}""");

        // A clock three days fast.
        Add(model, $$"""{"schema":"prediction/v1","eventId":"future-1","modelId":"{{model}}","modelVersion":"{{version}}","timestamp":"{{Time(at.AddDays(3))}}","status":"ok"}""");

        // Python's json.dumps writes float('nan') as a bare NaN token: not JSON, but accepted as a NaN value.
        Add(model, Header("python-nan-1") + $$""","features":{"{{feature}}":NaN},"latencyMs":12.5,"status":"ok"}""");
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
