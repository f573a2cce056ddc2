using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;
using ModelMonitor.Functions.Ingestion;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Functions.Tests.TestDoubles;
using ModelMonitor.Service.Ingestion;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Functions.Tests.Ingestion;

/// <summary>
/// Failures no retry can cure are quarantined (every message dead-lettered with the reason, the function returns so
/// the checkpoint moves on); transient ones rethrow so the retry policy redelivers the batch. Dead letters on Azurite.
/// </summary>
public class IngestFunctionQuarantineTests
{
    private static readonly DateTime Enqueued = new(2026, 11, 25, 10, 30, 0, DateTimeKind.Utc);
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);

    private static byte[] Prediction(int i) => Encoding.UTF8.GetBytes(
        "{\"schema\":\"prediction/v1\",\"eventId\":\"e" + i + "\",\"modelId\":\"fraud\",\"modelVersion\":\"1\",\"timestamp\":\"2026-11-25T10:10:00Z\",\"features\":{\"x\":" + i + "}}");

    private sealed class Rig : IDisposable
    {
        private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

        public Rig(FailingWindowStore windows, IDeadLetterStore? deadLetters, BlobContainerClient container)
        {
            Windows = windows;
            Container = container;
            Store = new BlobDeadLetterStore(container);
            Metrics = new MonitorMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
            Quarantined = new CounterRecorder(Metrics.Quarantined);
            var letters = deadLetters ?? Store;
            Function = new IngestFunction(new IngestPipeline(windows, letters, FiveMinutes), new BatchQuarantine(letters), TimeProvider.System, Metrics, Logger);
        }

        public FailingWindowStore Windows { get; }

        public BlobContainerClient Container { get; }

        public BlobDeadLetterStore Store { get; }

        public MonitorMetrics Metrics { get; }

        public CounterRecorder Quarantined { get; }

        public RecordingLogger<IngestFunction> Logger { get; } = new();

        public IngestFunction Function { get; }

        public async Task<List<DeadLetter>> QuarantinedLettersAsync() => [.. (await Store.ListAsync().ToListAsync()).Where(l => l.Quarantined)];

        public void Dispose()
        {
            Quarantined.Dispose();
            Metrics.Dispose();
            _services.Dispose();
        }
    }

    private static async Task<Rig> RigAsync(Func<Exception> failure, IDeadLetterStore? deadLetters = null)
    {
        var container = new BlobServiceClient("UseDevelopmentStorage=true").GetBlobContainerClient($"q{Guid.NewGuid():N}"[..20]);
        await container.CreateIfNotExistsAsync();
        return new Rig(new FailingWindowStore(failure), deadLetters, container);
    }

    private static (byte[][] Bodies, long[] Sequence, DateTime[] Times) Batch(int count, int firstSequence = 100)
    {
        var bodies = Enumerable.Range(1, count).Select(Prediction).ToArray();
        return (bodies, [.. Enumerable.Range(firstSequence, count).Select(i => (long)i)], [.. Enumerable.Repeat(Enqueued, count)]);
    }

    public static TheoryData<string> TransientFailures => ["503", "500", "429", "408", "no-response", "io", "http", "timeout", "conflict", "cancelled", "aggregate-of-transients"];

    public static TheoryData<string> PermanentFailures => ["corrupt-json", "invalid-data", "bug", "null-reference", "forbidden", "not-found", "aggregate-with-a-bug"];

    private static Exception Make(string name) => name switch
    {
        "503" => new RequestFailedException(503, "Server busy"),
        "500" => new RequestFailedException(500, "Internal error"),
        "429" => new RequestFailedException(429, "Throttled"),
        "408" => new RequestFailedException(408, "Timeout"),
        "no-response" => new RequestFailedException("connection reset"),
        "io" => new IOException("reset by peer"),
        "http" => new HttpRequestException("socket closed"),
        "timeout" => new TimeoutException("slow"),
        "conflict" => new WriteConflictException("lost the race"),
        "cancelled" => new OperationCanceledException("host stopping"),
        "aggregate-of-transients" => new AggregateException(new IOException("a"), new RequestFailedException(503, "b")),
        "corrupt-json" => new JsonException("'x' is an invalid start of a value. LineNumber: 0"),
        "invalid-data" => new InvalidDataException("window blob is corrupt"),
        "bug" => new InvalidOperationException("a bug"),
        "null-reference" => new NullReferenceException("a bug"),
        "forbidden" => new RequestFailedException(403, "Forbidden"),
        "not-found" => new RequestFailedException(404, "Not found"),
        "aggregate-with-a-bug" => new AggregateException(new IOException("a"), new InvalidOperationException("b")),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task RunAsync_TransientStoreFailure_RethrowsAndQuarantinesNothing(string failure)
    {
        using var rig = await RigAsync(() => Make(failure));
        var (bodies, sequence, times) = Batch(20);

        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => rig.Function.RunAsync(bodies, sequence, times, new() { ["PartitionId"] = "2" }, CancellationToken.None));

        Assert.Equal(Make(failure).GetType(), thrown.GetType());
        Assert.True(FailureClassifier.IsTransient(thrown));
        Assert.Empty(await rig.Store.ListAsync().ToListAsync());
        Assert.Equal(0, rig.Quarantined.Total);
    }

    [Theory]
    [MemberData(nameof(PermanentFailures))]
    public async Task RunAsync_PermanentStoreFailure_QuarantinesEveryMessageAndReturns(string failure)
    {
        using var rig = await RigAsync(() => Make(failure));
        var (bodies, sequence, times) = Batch(20);
        var expectedType = Make(failure).GetType().FullName!;

        var result = await rig.Function.RunAsync(bodies, sequence, times, new() { ["PartitionId"] = "2" }, CancellationToken.None);

        Assert.Equal(20, result.Quarantined);
        var letters = await rig.QuarantinedLettersAsync();
        Assert.Equal(sequence, letters.Select(l => l.SequenceNumber));
        Assert.Equal(bodies.Select(b => Encoding.UTF8.GetString(b)), letters.Select(l => l.Body));
        Assert.All(letters, l =>
        {
            Assert.Equal("2", l.Partition);
            Assert.StartsWith($"quarantined: {expectedType}: ", l.Reason, StringComparison.Ordinal);
            Assert.Contains("partition 2, sequence 100..119, batch of 20", l.Reason, StringComparison.Ordinal);
        });
        Assert.Equal(20, rig.Quarantined.Total);
        var log = Assert.Single(rig.Logger.Entries, e => e.Id.Id == 1002);
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Equal(expectedType, log.Exception!.GetType().FullName);
    }

    [Fact]
    public async Task RunAsync_PermanentFailureAfterInvalidEvents_KeepsBothTheirLettersAndTheQuarantine()
    {
        using var rig = await RigAsync(() => new InvalidDataException("corrupt"));
        var (bodies, sequence, times) = Batch(5);
        bodies[2] = Encoding.UTF8.GetBytes("{broken");

        var result = await rig.Function.RunAsync(bodies, sequence, times, new() { ["PartitionId"] = "4" }, CancellationToken.None);

        var all = await rig.Store.ListAsync().ToListAsync();
        Assert.Equal(5, result.Quarantined);
        Assert.Equal([102L], all.Where(l => !l.Quarantined).Select(l => l.SequenceNumber));
        Assert.Equal(sequence, all.Where(l => l.Quarantined).Select(l => l.SequenceNumber));
    }

    [Fact]
    public async Task RunAsync_NoPartitionId_QuarantinesUnderThePlaceholderPartition()
    {
        using var rig = await RigAsync(() => new InvalidOperationException("never reached"));
        var (bodies, sequence, times) = Batch(3);

        var result = await rig.Function.RunAsync(bodies, sequence, times, [], CancellationToken.None);

        Assert.Equal(3, result.Quarantined);
        var letters = await rig.QuarantinedLettersAsync();
        Assert.All(letters, l => Assert.Equal(BatchQuarantine.UnknownPartition, l.Partition));
        Assert.Contains("no PartitionId", letters[0].Reason, StringComparison.Ordinal);
        Assert.Equal(0, rig.Windows.Reads);
    }

    [Theory]
    [InlineData("../../windows")]
    [InlineData("a/b")]
    [InlineData("%2e%2e")]
    [InlineData("..\\x")]
    [InlineData("p\u0000")]
    public async Task RunAsync_HostilePartitionId_IsQuarantinedAndCannotLeaveItsPrefix(string partition)
    {
        using var rig = await RigAsync(() => new InvalidOperationException("never reached"));
        var (bodies, sequence, times) = Batch(2);

        var result = await rig.Function.RunAsync(bodies, sequence, times, new() { ["PartitionId"] = partition }, CancellationToken.None);

        Assert.Equal(2, result.Quarantined);
        var names = await rig.Container.GetBlobsAsync().Select(b => b.Name).ToListAsync();
        var name = Assert.Single(names);
        Assert.Matches($"^2026/11/25/p{BatchQuarantine.UnknownPartition}/[0-9]{{20}}-[0-9]{{20}}\\.[0-9a-f]{{16}}\\.quarantine\\.json$", name);
        Assert.Contains($"partition {partition},", (await rig.QuarantinedLettersAsync())[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MisalignedMetadata_QuarantinesEveryBodyEvenWithoutItsSequenceNumber()
    {
        using var rig = await RigAsync(() => new InvalidOperationException("never reached"));
        var (bodies, sequence, times) = Batch(4);

        var result = await rig.Function.RunAsync(bodies, sequence[..2], times, new() { ["PartitionId"] = "1" }, CancellationToken.None);

        Assert.Equal(4, result.Quarantined);
        var letters = await rig.QuarantinedLettersAsync();
        Assert.Equal(4, letters.Count);
        Assert.Equal(bodies.Select(b => Encoding.UTF8.GetString(b)).Order(), letters.Select(l => l.Body).Order());
        Assert.Equal([-1L, -1, 100, 101], letters.Select(l => l.SequenceNumber).Order());
    }

    [Fact]
    public async Task RunAsync_QuarantineCannotBeWritten_RethrowsSoTheBatchIsRetried()
    {
        var writeFailure = new RequestFailedException(503, "dead letters down too");
        using var rig = await RigAsync(() => new InvalidDataException("corrupt"), new FailingDeadLetterStore(writeFailure));
        var (bodies, sequence, times) = Batch(3);

        var thrown = await Assert.ThrowsAsync<RequestFailedException>(() => rig.Function.RunAsync(bodies, sequence, times, new() { ["PartitionId"] = "2" }, CancellationToken.None));

        Assert.Same(writeFailure, thrown);
        Assert.Equal(0, rig.Quarantined.Total);
        Assert.Single(rig.Logger.Entries, e => e.Id.Id == 1003);
    }

    [Fact]
    public async Task RunAsync_SameBatchQuarantinedTwice_IsListedOnce()
    {
        using var rig = await RigAsync(() => new InvalidDataException("corrupt"));
        var (bodies, sequence, times) = Batch(6);

        await rig.Function.RunAsync(bodies, sequence, times, new() { ["PartitionId"] = "2" }, CancellationToken.None);
        await rig.Function.RunAsync(bodies, sequence, times, new() { ["PartitionId"] = "2" }, CancellationToken.None);

        Assert.Equal(sequence, (await rig.QuarantinedLettersAsync()).Select(l => l.SequenceNumber));
    }
}
