using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Client.Tests.TestDoubles;

namespace ModelMonitor.Client.Tests;

public class ReadmeTests
{
    [Theory]
    [InlineData("startup")]
    [InlineData("publish")]
    public void Readme_ShowsTheCompiledSnippet(string region)
    {
        var snippet = Region(File.ReadAllLines(SourcePath("ReadmeSnippets.cs")), region);
        var readme = File.ReadAllText(SourcePath("../../functions/ModelMonitor.Client/README.md")).ReplaceLineEndings("\n");

        Assert.Contains($"```csharp\n{snippet}\n```", readme, StringComparison.Ordinal);
    }

    // Builds the real Event Hubs client; it publishes nothing, so it never connects.
    [Fact]
    public async Task StartupSnippet_Runs() =>
        await ReadmeSnippets.StartupAsync(NullLoggerFactory.Instance).WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task PublishSnippet_SendsAPredictionAndItsOutcome()
    {
        var time = new SignallingTimeProvider();
        var sink = new RecordingSink();
        await using (var monitor = new ModelMonitorProducer(sink, new ModelMonitorProducerOptions(), timeProvider: time))
        {
            ReadmeSnippets.OnPrediction(monitor, time, "req-1", 0.87, TimeSpan.FromMilliseconds(12.3));
            ReadmeSnippets.OnChargeback(monitor, time, "req-1", time.GetUtcNow());
        }

        var bodies = sink.Received.Select(r => JsonDocument.Parse(r.Data.EventBody.ToMemory()).RootElement).ToList();
        Assert.Equal(["prediction/v1", "outcome/v1"], bodies.Select(b => b.GetProperty("schema").GetString()));
        Assert.All(bodies, b => Assert.Equal("req-1", b.GetProperty("eventId").GetString()));
        Assert.Equal("fraud", bodies[0].GetProperty("predictedLabel").GetString());
    }

    private static string SourcePath(string relative, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, relative));

    /// <summary>The lines between <c>#region name</c> and its <c>#endregion</c>, without their common indent.</summary>
    private static string Region(string[] lines, string name)
    {
        var start = Array.FindIndex(lines, l => l.Trim() == $"#region {name}") + 1;
        var end = Array.FindIndex(lines, start, l => l.Trim() == "#endregion");
        Assert.True(start > 0 && end > start, $"region {name} not found");
        var body = lines[start..end];
        var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
