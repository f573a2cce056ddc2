using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;
using ModelMonitor.Functions.Hosting;
using ModelMonitor.Functions.Ingestion;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Ingestion;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Functions.Tests.Ingestion;

public class IngestFunctionTests
{
    private static readonly DateTime Enqueued = new(2026, 11, 25, 10, 30, 0, DateTimeKind.Utc);
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);

    private static byte[] Prediction(int i) => Encoding.UTF8.GetBytes(
        "{\"schema\":\"prediction/v1\",\"eventId\":\"e" + i + "\",\"modelId\":\"fraud\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:"
        + (i % 30).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + ":00Z\",\"features\":{\"x\":" + i + "}}");

    private static async Task<BlobContainerClient> ContainerAsync()
    {
        var container = new BlobServiceClient("UseDevelopmentStorage=true").GetBlobContainerClient($"f{Guid.NewGuid():N}"[..20]);
        await container.CreateIfNotExistsAsync();
        return container;
    }

    private static MonitorMetrics Metrics()
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        return new MonitorMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
    }

    [Fact]
    public async Task RunAsync_StorageDownMidBatchThenBack_RetriedBatchGivesExactTotals()
    {
        var windows = await ContainerAsync();
        var deadLetters = await ContainerAsync();
        var flaky = new FlakyStore(new BlobWindowStore(windows), failOnWrite: 3);
        var deadLetterStore = new BlobDeadLetterStore(deadLetters);
        var function = new IngestFunction(new IngestPipeline(flaky, deadLetterStore, FiveMinutes, maxParallelWindows: 1), new BatchQuarantine(deadLetterStore), TimeProvider.System, Metrics(), NullLogger<IngestFunction>.Instance);
        var bodies = Enumerable.Range(1, 600).Select(Prediction).Append(Encoding.UTF8.GetBytes("{oops")).ToArray();
        var sequence = Enumerable.Range(1, bodies.Length).Select(i => (long)i).ToArray();
        var times = Enumerable.Repeat(Enqueued, bodies.Length).ToArray();
        var context = new Dictionary<string, object?> { ["PartitionId"] = "2" };

        // The host's retry policy re-invokes the function with the same batch until it succeeds.
        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => function.RunAsync(bodies, sequence, times, context, CancellationToken.None));
        Assert.True(FailureLoggingMiddleware.IsTransient(failure));
        flaky.Healthy = true;
        var result = await function.RunAsync(bodies, sequence, times, context, CancellationToken.None);

        Assert.Equal(601, result.Received);
        Assert.Equal(1, result.DeadLettered);
        var summary = await new SummaryReader(windows, FiveMinutes).ReadRangeAsync("fraud", "1", new DateTimeOffset(Enqueued).AddHours(-1), new DateTimeOffset(Enqueued).AddHours(1));
        Assert.Equal(600, summary!.EventCount);
        Assert.Equal(Enumerable.Range(1, 600).Average(), summary.Features["x"].Numeric!.Mean, 9);
        var letters = await new BlobDeadLetterStore(deadLetters).ListAsync().ToListAsync();
        Assert.Equal(601, Assert.Single(letters).SequenceNumber);
    }

    [Fact]
    public void ServiceRegistration_InvalidWindowMinutes_FailsAtStartup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MonitorStorage"] = "UseDevelopmentStorage=true",
            ["Monitor:WindowMinutes"] = "7",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddModelMonitor(configuration).BuildServiceProvider();

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<IngestPipeline>());
        Assert.Contains("divide a day", ex.Message);
    }

    [Fact]
    public void ServiceRegistration_MissingStorageConnection_SaysWhichSettingsToSet()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging().AddModelMonitor(configuration).BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IngestPipeline>());
        Assert.Contains("MonitorStorage__blobServiceUri", ex.Message);
    }

    [Theory]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    public void IsTransient_ClassifiesStorageStatus(int status, bool transient)
    {
        Assert.Equal(transient, FailureLoggingMiddleware.IsTransient(new RequestFailedException(status, "x")));
    }

    private sealed class FlakyStore(IWindowStore inner, int failOnWrite) : IWindowStore
    {
        private int _writes;

        public bool Healthy { get; set; }

        public Task<StoredWindow?> ReadAsync(WindowKey key, string partition, CancellationToken cancellationToken = default) => inner.ReadAsync(key, partition, cancellationToken);

        public Task<bool> TryWriteAsync(WindowKey key, string partition, StoredWindow window, string? expectedETag, CancellationToken cancellationToken = default) =>
            !Healthy && Interlocked.Increment(ref _writes) >= failOnWrite
                ? throw new RequestFailedException(503, "The server is busy.")
                : inner.TryWriteAsync(key, partition, window, expectedETag, cancellationToken);
    }
}
