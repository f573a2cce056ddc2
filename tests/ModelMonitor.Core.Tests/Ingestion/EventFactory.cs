using System.Globalization;
using System.Text;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Core.Tests.Ingestion;

/// <summary>Builds contract-v1 message bodies for tests.</summary>
internal static class EventFactory
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static string Prediction(int i, string model = "fraud", string version = "1", TimeSpan? offset = null, double? amount = null) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
        {"schema":"prediction/v1","eventId":"e-{{i}}","modelId":"{{model}}","modelVersion":"{{version}}","timestamp":"{{(Start + (offset ?? TimeSpan.FromSeconds(i))):O}}","callerId":"c{{i % 3}}","features":{"amount":{{amount ?? i}},"country":"{{(i % 2 == 0 ? "DE" : "FR")}}"},"prediction":0.{{i % 10}},"latencyMs":{{10 + (i % 5)}},"status":"ok"}
        """);

    /// <summary>Messages with sequence numbers first..first+count-1, one event per message.</summary>
    public static List<IncomingMessage> Batch(int first, int count, Func<int, string>? body = null) =>
        [.. Enumerable.Range(first, count).Select(i => new IncomingMessage(Encoding.UTF8.GetBytes((body ?? (n => Prediction(n)))(i)), i, Start.AddMinutes(30)))];
}
