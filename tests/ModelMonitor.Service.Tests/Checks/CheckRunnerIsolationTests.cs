using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;
using ModelMonitor.Service.Checks;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Service.Tests.Checks;

public sealed class CheckRunnerIsolationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);
    private static readonly DateTimeOffset Hour = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_CorruptReferenceOfOneModel_IsLoggedWithTheBlobName_AndTheOtherModelIsChecked()
    {
        var windows = await azurite.NewContainerAsync("w");
        var references = await azurite.NewContainerAsync("f");
        var logger = new RecordingLogger();
        var runner = new CheckRunner(
            new SummaryReader(windows, FiveMinutes),
            new ReferenceStore(references),
            new CheckResultStore(await azurite.NewContainerAsync("r")),
            new TableAlertSink(new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"t{Guid.NewGuid():N}"[..20])),
            new FakeTimeProvider(Hour.AddHours(2)),
            CheckPolicy.Default,
            TimeSpan.FromHours(6),
            logger: logger);
        var pipeline = new IngestPipeline(new BlobWindowStore(windows), new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), FiveMinutes);
        await pipeline.ProcessAsync("0", [.. Messages("broken", 1), .. Messages("healthy", 10_000)]);
        await references.UploadBlobAsync("broken/default", BinaryData.FromString("this is not a gzip summary"));
        await new ReferenceStore(references).SaveAsync("healthy", null, Reference("healthy"));

        var result = await runner.RunAsync();

        Assert.Equal(1, result.Failed);
        Assert.Equal(11, result.Evaluated); // the healthy model: ten five-minute windows (10:00-10:45) and the hour
        var entry = Assert.Single(logger.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains($"{references.Name}/broken/default", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidStoredPolicyOfOneModel_FailsThatModelOnly()
    {
        var windows = await azurite.NewContainerAsync("w");
        var references = await azurite.NewContainerAsync("f");
        var tables = new TableServiceClient(AzuriteFixture.ConnectionString);
        var config = tables.GetTableClient($"c{Guid.NewGuid():N}"[..20]);
        await config.CreateIfNotExistsAsync();
        var configs = new TableModelConfigStore(config);
        await configs.PutAsync("strict", Core.Configuration.ConfigSections.Checks, """{ "persistence": { "required": 9, "window": 3 } }""");
        var logger = new RecordingLogger();
        var runner = new CheckRunner(
            new SummaryReader(windows, FiveMinutes),
            new ReferenceStore(references),
            new CheckResultStore(await azurite.NewContainerAsync("r")),
            new TableAlertSink(tables.GetTableClient($"t{Guid.NewGuid():N}"[..20])),
            new FakeTimeProvider(Hour.AddHours(2)),
            CheckPolicy.Default,
            TimeSpan.FromHours(6),
            logger: logger,
            configs: configs);
        var pipeline = new IngestPipeline(new BlobWindowStore(windows), new BlobDeadLetterStore(await azurite.NewContainerAsync("d")), FiveMinutes);
        await pipeline.ProcessAsync("0", [.. Messages("strict", 1), .. Messages("healthy", 10_000)]);
        await new ReferenceStore(references).SaveAsync("strict", null, Reference("strict"));
        await new ReferenceStore(references).SaveAsync("healthy", null, Reference("healthy"));

        var result = await runner.RunAsync();

        Assert.Equal(1, result.Failed);
        Assert.Equal(11, result.Evaluated);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("strict", StringComparison.Ordinal));
    }

    private static IEnumerable<IncomingMessage> Messages(string model, int first) =>
        Enumerable.Range(first, 600).Select(i => new IncomingMessage(
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"{{\"schema\":\"prediction/v1\",\"eventId\":\"e{i}\",\"modelId\":\"{model}\",\"modelVersion\":\"1\",\"timestamp\":\"{Hour.AddSeconds(i % 600 * 5):O}\",\"features\":{{\"amount\":{i % 100}}},\"prediction\":0.5}}")),
            i,
            Hour.AddHours(1)));

    private static WindowSummary Reference(string model)
    {
        var summary = new WindowSummary(model, "1", Hour.AddDays(-30), Hour.AddDays(-1));
        for (var i = 0; i < 2000; i++)
        {
            summary.Add(new Core.Events.MonitoringEvent
            {
                Kind = Core.Events.EventKind.Prediction, EventId = "r", ModelId = model, ModelVersion = "1", Timestamp = Hour,
                Features = [new("amount", Core.Events.FieldValue.FromNumber(i % 100))],
                Prediction = Core.Events.FieldValue.FromNumber(0.5),
            });
        }

        return summary;
    }

    private sealed class RecordingLogger : ILogger<CheckRunner>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
