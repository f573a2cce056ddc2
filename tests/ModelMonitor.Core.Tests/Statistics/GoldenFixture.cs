using System.Text.Json;

namespace ModelMonitor.Core.Tests.Statistics;

/// <summary>Loads the SciPy golden files copied next to the test assembly and tracks the largest deviation seen.</summary>
internal static class GoldenFixture
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>
    /// Loads a fixture and fails unless its <c>cases</c> (or <c>points</c>) array holds at least
    /// <paramref name="minimumCases"/> entries: a regenerated file that lost its cases must not pass silently.
    /// </summary>
    public static T Load<T>(string fileName, int minimumCases) =>
        LoadFrom<T>(Path.Combine(AppContext.BaseDirectory, "Statistics", "Fixtures", fileName), minimumCases);

    public static T LoadFrom<T>(string path, int minimumCases)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCases, 1);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Golden fixture {path} is missing: run generate_fixtures.py.", path);
        }

        string text = File.ReadAllText(path);
        using (JsonDocument document = JsonDocument.Parse(text))
        {
            int count = CaseCount(document.RootElement);
            if (count < minimumCases)
            {
                throw new InvalidDataException($"Golden fixture {Path.GetFileName(path)} holds {count} cases, fewer than the {minimumCases} expected.");
            }
        }

        return JsonSerializer.Deserialize<T>(text, Options)
            ?? throw new InvalidDataException($"Golden fixture {Path.GetFileName(path)} is empty.");
    }

    // A fixture's cases: its "cases" or "points" array, else every top-level array (one per test family) added up.
    private static int CaseCount(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }

        if ((root.TryGetProperty("cases", out JsonElement cases) || root.TryGetProperty("points", out cases)) && cases.ValueKind == JsonValueKind.Array)
        {
            return cases.GetArrayLength();
        }

        return root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).Sum(p => p.Value.GetArrayLength());
    }
}

/// <summary>Largest absolute or relative deviation from the golden values, reported in the test output.</summary>
internal sealed class Deviation(string what)
{
    public double Max { get; private set; }

    public string Where { get; private set; } = "";

    public void AssertAbsolute(double expected, double actual, double tolerance, string caseName)
    {
        double diff = Math.Abs(expected - actual);
        Track(diff, caseName);
        Assert.True(diff <= tolerance, $"{what} [{caseName}]: expected {expected:R}, got {actual:R} (|Δ| = {diff:E2} > {tolerance:E0})");
    }

    public void AssertRelative(double expected, double actual, double tolerance, string caseName)
    {
        // Relative to max(|expected|, 1e-300) so exact zeros still compare; both being 0 is a match.
        double diff = expected == actual ? 0 : Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), 1e-300);
        Track(diff, caseName);
        Assert.True(diff <= tolerance, $"{what} [{caseName}]: expected {expected:R}, got {actual:R} (rel Δ = {diff:E2} > {tolerance:E0})");
    }

    public override string ToString() => $"{what}: max deviation {Max:E2} ({Where})";

    private void Track(double diff, string caseName)
    {
        if (diff > Max || double.IsNaN(diff))
        {
            Max = diff;
            Where = caseName;
        }
    }
}
