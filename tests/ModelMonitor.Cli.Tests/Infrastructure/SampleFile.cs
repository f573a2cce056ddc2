namespace ModelMonitor.Cli.Tests.Infrastructure;

/// <summary>
/// A small JSON Lines file with known statistics: ten events with amount 1..10 (mean 5.5), one with a Python
/// bare NaN amount (accepted), a blank line (skipped, still numbered) and two malformed lines (lines 13 and 14).
/// </summary>
public static class SampleFile
{
    public const int Valid = 11;
    public const int Malformed = 2;
    public const int Received = Valid + Malformed;
    public const long BadJsonLine = 13;
    public const long MissingIdLine = 14;

    public static IReadOnlyList<string> Lines(string model)
    {
        var lines = new List<string>();
        for (var i = 1; i <= 10; i++)
        {
            var country = i % 2 == 0 ? "DE" : "US";
            var international = i > 7 ? "true" : "false";
            var status = i == 3 ? "error" : "ok";
            lines.Add(EventLines.Prediction(
                model,
                $"e{i}",
                EventLines.Day.AddHours(10).AddMinutes(i),
                $"\"amount\":{i},\"country\":\"{country}\",\"international\":{international}",
                $",\"latencyMs\":{i * 10},\"status\":\"{status}\""));
        }

        // Line 11: Python's json.dumps(float("nan")) — not JSON, but accepted as a NaN amount.
        lines.Add(EventLines.Prediction(model, "e11", EventLines.Day.AddHours(10).AddMinutes(11), "\"amount\":NaN,\"country\":null", ",\"status\":\"ok\""));
        lines.Add("   ");
        lines.Add("{\"schema\":\"prediction/v1\",\"eventId\":");
        lines.Add($$"""{"schema":"prediction/v1","modelId":"{{model}}","modelVersion":"v1","timestamp":"2001-01-10T10:30:00Z"}""");
        return lines;
    }
}
