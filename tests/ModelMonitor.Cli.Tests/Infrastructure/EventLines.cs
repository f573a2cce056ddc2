using System.Globalization;

namespace ModelMonitor.Cli.Tests.Infrastructure;

/// <summary>Builds contract-v1 JSON lines for test files.</summary>
public static class EventLines
{
    /// <summary>Day all test events are stamped in: far from any real or demo data.</summary>
    public static readonly DateTimeOffset Day = new(2001, 1, 10, 0, 0, 0, TimeSpan.Zero);

    public static string Prediction(string modelId, string eventId, DateTimeOffset timestamp, string features, string extra = "") =>
        $$"""{"schema":"prediction/v1","eventId":"{{eventId}}","modelId":"{{modelId}}","modelVersion":"v1","timestamp":"{{Time(timestamp)}}","features":{{{features}}}{{extra}}}""";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static async Task<string> WriteFileAsync(IEnumerable<string> lines, string? name = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "modelmonitor-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name ?? "events.jsonl");
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
