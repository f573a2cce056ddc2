using System.Diagnostics;
using Azure.Core;
using Azure.Storage.Blobs;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Benchmarks.Load;

/// <summary>
/// Drives a <see cref="RealisticStream"/> through the real storage path (pipeline, blob window store, dead-letter
/// store, Azure SDK, storage endpoint): one sequential consumer per partition, as Event Hubs runs them, all
/// partitions at once. Counts every request with a <see cref="RequestCounter"/> and samples memory.
/// </summary>
public static class LoadRun
{
    public static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);

    public static async Task<LoadResult> RunAsync(string connectionString, RealisticStream stream, int batchesPerPartition, bool useCache, Func<BlobContainerClient, Task>? inspect = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var counter = new RequestCounter();
        var options = new BlobClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var service = new BlobServiceClient(connectionString, options);
        var suffix = Guid.NewGuid().ToString("N")[..16];
        var windows = service.GetBlobContainerClient($"load{suffix}w");
        var deadLetters = service.GetBlobContainerClient($"load{suffix}d");
        await windows.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await deadLetters.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var (setupRequests, setupReads, setupWrites) = (counter.Total, counter.Reads, counter.Writes);
        var pipeline = new IngestPipeline(new BlobWindowStore(windows), new BlobDeadLetterStore(deadLetters), FiveMinutes, cache: useCache ? new WindowCache() : null);

        long events = 0, folded = 0;
        long peakWs = 0, peakHeap = 0, peakWsEarly = 0, peakHeapEarly = 0;
        var total = (long)batchesPerPartition * stream.Partitions * stream.BatchSize;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                var ws = process.WorkingSet64;
                var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
                peakWs = Math.Max(peakWs, ws);
                peakHeap = Math.Max(peakHeap, heap);
                if (Interlocked.Read(ref events) <= total / 4)
                {
                    peakWsEarly = peakWs;
                    peakHeapEarly = peakHeap;
                }

                try
                {
                    await Task.Delay(50, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, stream.Partitions).Select(p => Task.Run(async () =>
        {
            for (var b = 0; b < batchesPerPartition; b++)
            {
                var batch = stream.Batch(p, b);
                var result = await pipeline.ProcessAsync(p.ToString(System.Globalization.CultureInfo.InvariantCulture), batch.Messages, cancellationToken);
                Interlocked.Add(ref events, result.Received);
                Interlocked.Add(ref folded, result.Folded);
            }
        }, cancellationToken)));
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;

        var requests = counter.Total - setupRequests;
        var result = new LoadResult(events, folded, watch.Elapsed, requests, counter.Reads - setupReads, counter.Writes - setupWrites, peakWsEarly, peakWs, peakHeapEarly, peakHeap);
        if (inspect is not null)
        {
            await inspect(windows);
        }

        await windows.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        await deadLetters.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        return result;
    }
}
