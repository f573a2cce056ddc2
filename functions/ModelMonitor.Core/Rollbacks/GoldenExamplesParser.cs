using System.Globalization;
using System.Text.Json;

namespace ModelMonitor.Core.Rollbacks;

/// <summary>Parses golden examples, one JSON object a line: <c>{"input":{…},"expected":…,"tolerance":0.01}</c>. Blank lines are skipped.</summary>
public static class GoldenExamplesParser
{
    /// <summary>At most this many examples: each is one scoring call per validation.</summary>
    public const int MaxExamples = 1000;

    public static GoldenExamplesResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var examples = new List<GoldenExample>();
        var errors = new List<string>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("input", out var input)
                    || !root.TryGetProperty("expected", out var expected))
                {
                    errors.Add(Line(lineNumber, "expected an object with \"input\" and \"expected\""));
                    continue;
                }

                var tolerance = 0.0;
                if (root.TryGetProperty("tolerance", out var t) && (t.ValueKind != JsonValueKind.Number || !double.IsFinite(tolerance = t.GetDouble()) || tolerance < 0))
                {
                    errors.Add(Line(lineNumber, "tolerance must be a non-negative number"));
                    continue;
                }

                examples.Add(new GoldenExample(lineNumber, input.GetRawText(), expected.GetRawText(), tolerance));
            }
            catch (JsonException ex)
            {
                errors.Add(Line(lineNumber, $"not valid JSON ({ex.Message})"));
            }
        }

        if (errors.Count == 0 && examples.Count == 0)
        {
            errors.Add("no golden examples: at least one line is needed to validate a slot");
        }

        if (examples.Count > MaxExamples)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{examples.Count} golden examples: at most {MaxExamples}"));
        }

        return new GoldenExamplesResult(errors.Count == 0 ? examples : [], errors);
    }

    private static string Line(int number, string message) => string.Create(CultureInfo.InvariantCulture, $"line {number}: {message}");
}
