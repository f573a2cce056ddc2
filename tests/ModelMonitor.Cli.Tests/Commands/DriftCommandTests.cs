using System.Globalization;
using System.Text.Json;
using ModelMonitor.Cli.Tests.Infrastructure;
using ModelMonitor.Core.Statistics;

namespace ModelMonitor.Cli.Tests.Commands;

public sealed class DriftCommandTests
{
    private static async Task<(string Reference, string Current, double[] X, double[] Y)> WriteCsvAsync(int rows, double shift)
    {
        var x = Enumerable.Range(0, rows).Select(i => Math.Round(Math.Sin(i * 12.9898) * 43758.5453 % 1, 4)).ToArray();
        var y = x.Select(v => Math.Round(v + shift, 4)).ToArray();
        static IEnumerable<string> Lines(double[] values, Func<int, string> country, Func<int, string> flag) =>
            new[] { "x,country,flag" }.Concat(values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{v},{country(i)},{flag(i)}")));
        var reference = await EventLines.WriteFileAsync(Lines(x, i => i % 3 == 0 ? "DE" : "FR", i => i % 2 == 0 ? "true" : "false"), $"ref-{Guid.NewGuid():N}.csv");
        var current = await EventLines.WriteFileAsync(Lines(y, i => i % 3 == 0 ? "\"FR\"" : "US", i => i % 5 == 0 ? "true" : "false"), $"cur-{Guid.NewGuid():N}.csv");
        return (reference, current, x, y);
    }

    [Fact]
    public async Task Drift_Json_HasTheDocumentedShapeAndScipyExactNumbers()
    {
        var (reference, current, x, y) = await WriteCsvAsync(120, shift: 0.3);

        var run = await CliRun.InvokeAsync("drift", "--reference", reference, "--current", current, "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        var features = root.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(["country", "flag", "x"], features.Keys.Order(StringComparer.Ordinal));

        var xs = features["x"];
        var expected = KolmogorovSmirnov.TwoSample(x, y);
        Assert.Equal("numeric", xs.GetProperty("kind").GetString());
        Assert.Equal(120, xs.GetProperty("referenceCount").GetInt64());
        Assert.Equal(expected.Statistic, xs.GetProperty("ks").GetProperty("statistic").GetDouble(), 12);
        Assert.Equal(expected.PValue, xs.GetProperty("ks").GetProperty("pValue").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, xs.GetProperty("chiSquare").ValueKind);
        Assert.Equal("ks", xs.GetProperty("method").GetString());
        Assert.Equal(0.05, xs.GetProperty("threshold").GetDouble());
        Assert.True(xs.GetProperty("drifted").GetBoolean());
        foreach (var name in new[] { "psi", "jensenShannon", "wasserstein", "wassersteinNormalized", "score" })
        {
            Assert.True(double.IsFinite(xs.GetProperty(name).GetDouble()), name);
        }

        var country = features["country"];
        Assert.Equal("categorical", country.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, country.GetProperty("ks").ValueKind);
        Assert.Equal(JsonValueKind.Null, country.GetProperty("wasserstein").ValueKind);
        Assert.Equal(2, country.GetProperty("chiSquare").GetProperty("dof").GetInt32()); // DE, FR, US
        Assert.Equal("chi-square", country.GetProperty("method").GetString());

        Assert.Equal("binary", features["flag"].GetProperty("kind").GetString());
        Assert.True(root.GetProperty("datasetDrifted").GetBoolean());
        Assert.InRange(root.GetProperty("driftedShare").GetDouble(), 0.5, 1);
    }

    [Fact]
    public async Task Drift_Sketch_AgreesWithExact_OnSmallUncompactedData()
    {
        var (reference, current, _, _) = await WriteCsvAsync(100, shift: 0.1);

        var exact = await CliRun.InvokeAsync("drift", "--reference", reference, "--current", current);
        var sketch = await CliRun.InvokeAsync("drift", "--reference", reference, "--current", current, "--sketch");

        Assert.True(exact.ExitCode == 0 && sketch.ExitCode == 0, exact + "\n" + sketch);
        using var e = JsonDocument.Parse(exact.Stdout);
        using var s = JsonDocument.Parse(sketch.Stdout);
        double D(JsonDocument d) => d.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "x").GetProperty("ks").GetProperty("statistic").GetDouble();
        Assert.Equal(D(e), D(s), 12);
    }

    [Fact]
    public async Task Drift_Table_ListsEveryFeature()
    {
        var (reference, current, _, _) = await WriteCsvAsync(120, shift: 0.3);

        var run = await CliRun.InvokeAsync("drift", "--reference", reference, "--current", current, "--format", "table");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("country", run.Stdout);
        Assert.Contains("drifted share", run.Stdout);
    }

    [Fact]
    public async Task Drift_MissingOrMalformedFile_ExitsWithUsageError()
    {
        var (reference, _, _, _) = await WriteCsvAsync(10, shift: 0);
        var ragged = await EventLines.WriteFileAsync(["a,b", "1,2,3"], $"bad-{Guid.NewGuid():N}.csv");

        var missing = await CliRun.InvokeAsync("drift", "--reference", reference, "--current", "/nonexistent/cur.csv");
        var malformed = await CliRun.InvokeAsync("drift", "--reference", reference, "--current", ragged);

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Stderr);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("not a usable CSV", malformed.Stderr);
    }
}
