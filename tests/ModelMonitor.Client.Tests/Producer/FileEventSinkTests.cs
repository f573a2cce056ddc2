using System.Text;
using ModelMonitor.Client.Tests.TestDoubles;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Client.Tests.Producer;

public sealed class FileEventSinkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("file-sink-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Producer_WithAFileSink_WritesOneContractEventPerLineThatTheServiceParses()
    {
        var path = Path.Combine(_folder, "nested", "events.jsonl");
        var prediction = SampleEvents.Prediction("e1") with
        {
            Features = new Dictionary<string, FeatureValue> { ["note"] = "line\nbreak", ["ratio"] = double.NaN },
        };
        await using (var producer = ModelMonitorProducer.Create(new FileEventSink(path)))
        {
            Assert.True(producer.TryPublish(prediction));
            Assert.True(producer.TryPublish(OutcomeEvent.ForPrediction(prediction) with { Label = "fraud" }));
        }

        var lines = File.ReadAllLines(path);

        Assert.Equal(2, lines.Length);
        Assert.Equal(EventSerializer.Serialize(prediction), Encoding.UTF8.GetBytes(lines[0]));
        var parsed = lines.Select(Parse).ToList();
        Assert.Equal([EventKind.Prediction, EventKind.Outcome], parsed.Select(e => e.Kind));
        Assert.All(parsed, e => Assert.Equal("e1", e.EventId));
    }

    [Fact]
    public async Task FileEventSink_OnAnExistingFile_Appends()
    {
        var path = Path.Combine(_folder, "events.jsonl");
        await File.WriteAllTextAsync(path, "{\"earlier\":true}\n");

        await using (var producer = ModelMonitorProducer.Create(new FileEventSink(path)))
        {
            Assert.True(producer.TryPublish(SampleEvents.Prediction("e2")));
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal("{\"earlier\":true}", lines[0]);
        Assert.Equal("e2", Parse(lines[1]).EventId);
    }

    [Fact]
    public async Task FileEventSink_Path_IsTheFullPath()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_folder, "e.jsonl"));
        await using var sink = new FileEventSink(relative);

        Assert.Equal(Path.Combine(_folder, "e.jsonl"), sink.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void FileEventSink_WithAnEmptyPath_Throws(string path) =>
        Assert.ThrowsAny<ArgumentException>(() => new FileEventSink(path));

    private static MonitoringEvent Parse(string line)
    {
        var results = new List<ParseResult>();
        new EventParser().Parse(Encoding.UTF8.GetBytes(line), SampleEvents.Timestamp.AddMinutes(1), results);
        var result = Assert.Single(results);
        Assert.True(result.IsValid, result.Error);
        return result.Event!;
    }
}
