using System.Text.Json;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Service.Summaries;

namespace ModelMonitor.Cli.Tests.Output;

public sealed class SummaryOutputTests
{
    private static readonly DateTimeOffset Start = new(2001, 1, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Write_Json_ClassifiesFeaturesByDominantKindAndWritesNullsForUndefinedNumbers()
    {
        var summary = new WindowSummary("m", "v", Start, Start.AddMinutes(5));
        summary.Add(Event(("score", FieldValue.FromNumber(1)), ("mostlyText", FieldValue.FromString("a")), ("flag", FieldValue.FromBoolean(true)), ("onlyNaN", FieldValue.FromNumber(double.NaN))));
        summary.Add(Event(("score", FieldValue.FromNumber(3)), ("mostlyText", FieldValue.FromNumber(7)), ("flag", FieldValue.FromBoolean(false)), ("onlyNull", FieldValue.Null)));
        summary.Add(Event(("mostlyText", FieldValue.FromString("b"))));

        var root = Render(summary);

        var features = root.GetProperty("features");
        Assert.Equal("numeric", features.GetProperty("score").GetProperty("kind").GetString());
        Assert.Equal(1, features.GetProperty("score").GetProperty("missing").GetInt64());
        Assert.Equal(2.0, features.GetProperty("score").GetProperty("mean").GetDouble());
        Assert.Equal("categorical", features.GetProperty("mostlyText").GetProperty("kind").GetString());
        Assert.Equal("categorical", features.GetProperty("flag").GetProperty("kind").GetString());
        Assert.Equal("categorical", features.GetProperty("onlyNull").GetProperty("kind").GetString());
        var onlyNaN = features.GetProperty("onlyNaN");
        Assert.Equal("numeric", onlyNaN.GetProperty("kind").GetString());
        Assert.Equal(1, onlyNaN.GetProperty("nan").GetInt64());
        foreach (var name in new[] { "min", "max", "mean", "std", "p50", "p95", "p99" })
        {
            Assert.Equal(JsonValueKind.Null, onlyNaN.GetProperty(name).ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, root.GetProperty("latencyMs").GetProperty("mean").ValueKind);
        Assert.Equal(3, root.GetProperty("latencyMs").GetProperty("missing").GetInt64());
    }

    [Fact]
    public void Write_Json_ListsAtMostTenCategoriesByCount()
    {
        var summary = new WindowSummary("m", "v", Start, Start.AddMinutes(5));
        for (var i = 0; i < 15; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                summary.Add(Event(("c", FieldValue.FromString($"v{i:D2}"))));
            }
        }

        var top = Render(summary).GetProperty("features").GetProperty("c").GetProperty("top").EnumerateArray().ToList();

        Assert.Equal(SummaryView.TopCategories, top.Count);
        Assert.Equal("v14", top[0].GetProperty("value").GetString());
        Assert.Equal(15, top[0].GetProperty("count").GetInt64());
    }

    private static JsonElement Render(WindowSummary summary)
    {
        using var stdout = new StringWriter();
        var context = new CliContext(stdout, TextWriter.Null, TimeProvider.System);
        SummaryOutput.Write(SummaryView.Create(summary, Start, Start.AddDays(1)), OutputFormat.Json, stdout, context.OutConsole);
        return JsonDocument.Parse(stdout.ToString()).RootElement.Clone();
    }

    private static MonitoringEvent Event(params (string Name, FieldValue Value)[] features) => new()
    {
        Kind = EventKind.Prediction,
        EventId = Guid.NewGuid().ToString("N"),
        ModelId = "m",
        ModelVersion = "v",
        Timestamp = Start,
        Features = [.. features.Select(f => new Feature(f.Name, f.Value))],
    };
}
