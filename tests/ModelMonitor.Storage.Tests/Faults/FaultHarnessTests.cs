using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;
using ModelMonitor.Storage.Blobs;
using Xunit.Abstractions;

namespace ModelMonitor.Storage.Tests.Faults;

/// <summary>
/// The accounting invariant under faults, against real Azurite behind a <see cref="FaultProxy"/>: after each seeded
/// schedule of dropped, delayed, reset and 500/503 connections, storage outages mid-batch, crashes between the
/// blob writes and the checkpoint (with and without a restart that loses the window cache), redelivery of old
/// batches, competing consumers of the same partition racing on ETags, interleaved partitions, skewed clocks and
/// very late events, every (model, window) holds exactly the valid events sent and the dead letters are exactly the
/// invalid ones. <c>MODELMONITOR_FAULT_SCHEDULES</c> sets how many schedules run (default 50).
/// </summary>
public sealed class FaultHarnessTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int DefaultSchedules = 50;
    private const int MaxSteps = 400;

    [Fact]
    public async Task RandomFaultSchedules_StoredCountsEqualValidEventsSent_AndDeadLettersEqualInvalidOnes()
    {
        var schedules = int.TryParse(Environment.GetEnvironmentVariable("MODELMONITOR_FAULT_SCHEDULES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultSchedules;
        var firstSeed = int.TryParse(Environment.GetEnvironmentVariable("MODELMONITOR_FAULT_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
        var lines = new string[schedules];
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var watch = Stopwatch.StartNew();
        // Schedules are independent (own containers, own proxy), so a few run at once: the work is waiting on I/O.
        await Parallel.ForEachAsync(Enumerable.Range(firstSeed, schedules), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (seed, _) =>
        {
            await using var proxy = new FaultProxy();
            var schedule = new FaultSchedule(seed);
            var started = Stopwatch.GetTimestamp();
            var (outcome, stats) = await RunAsync(schedule, proxy);
            lines[seed - firstSeed] = $"{schedule} | {stats} | proxy: {proxy.Summary()} | {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms | {outcome ?? "OK"}";
            if (outcome is not null)
            {
                failures.Add($"seed {seed}: {outcome}");
            }
        });

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        output.WriteLine($"{schedules} schedules in {watch.Elapsed.TotalSeconds:F1} s, {failures.Count} failed. Reproduce one with MODELMONITOR_FAULT_SEED=<seed> MODELMONITOR_FAULT_SCHEDULES=1.");
        Assert.Empty(failures);
    }

    private async Task<(string? Failure, string Stats)> RunAsync(FaultSchedule schedule, FaultProxy proxy)
    {
        var direct = azurite.Service;
        var windowsName = (await azurite.NewContainerAsync("w")).Name;
        var deadLettersName = (await azurite.NewContainerAsync("d")).Name;
        proxy.Reset(schedule.Seed, schedule.FaultRate);
        var faulty = FaultyService(proxy.Port);
        var random = new Random(schedule.Seed * 7919);

        IngestPipeline NewHost() => new(
            new BlobWindowStore(faulty.GetBlobContainerClient(windowsName)),
            new BlobDeadLetterStore(faulty.GetBlobContainerClient(deadLettersName)),
            FaultSchedule.FiveMinutes,
            maxParallelWindows: 4,
            cache: new WindowCache());

        var host = NewHost();
        var competitor = NewHost();
        var checkpoints = new int[schedule.Partitions.Count];
        int attempts = 0, failed = 0, crashes = 0, restarts = 0, redeliveries = 0, races = 0, outages = 0, conflicts = 0;
        for (var step = 0; checkpoints.Select((c, p) => c < schedule.Partitions[p].Count).Any(x => x); step++)
        {
            if (step == MaxSteps)
            {
                return ($"no progress after {MaxSteps} steps", "");
            }

            // Partitions interleave in any order, as separate consumers run them.
            var open = Enumerable.Range(0, checkpoints.Length).Where(p => checkpoints[p] < schedule.Partitions[p].Count).ToList();
            var p = open[random.Next(open.Count)];
            var partition = p.ToString(CultureInfo.InvariantCulture);
            var next = checkpoints[p];
            try
            {
                attempts++;
                if (next > 0 && random.NextDouble() < schedule.RedeliveryRate)
                {
                    redeliveries++;
                    conflicts += (await host.ProcessAsync(partition, schedule.Partitions[p][random.Next(next)])).WriteConflicts;
                    continue;
                }

                if (random.NextDouble() < schedule.OutageRate)
                {
                    outages++;
                    proxy.FailNext(random.Next(1, 12));
                }

                var batch = schedule.Partitions[p][next];
                if (random.NextDouble() < schedule.CompetitorRate)
                {
                    // A rebalance: two hosts process the same batch at once and race on the blobs' ETags.
                    races++;
                    var both = await Task.WhenAll(host.ProcessAsync(partition, batch), competitor.ProcessAsync(partition, batch));
                    conflicts += both.Sum(r => r.WriteConflicts);
                }
                else
                {
                    conflicts += (await host.ProcessAsync(partition, batch)).WriteConflicts;
                }

                if (random.NextDouble() < schedule.CrashRate)
                {
                    // Crash after the blob writes, before the checkpoint: the batch comes again, maybe to a fresh process.
                    crashes++;
                    if (random.Next(2) == 0)
                    {
                        restarts++;
                        host = NewHost();
                    }

                    continue;
                }

                checkpoints[p]++;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or IOException or HttpRequestException or WriteConflictException or AggregateException or TaskCanceledException)
            {
                // Not checkpointed: the trigger's retry policy delivers the batch again.
                failed++;
            }
        }

        var stats = $"attempts {attempts}, failed {failed}, crashes {crashes}, restarts {restarts}, redeliveries {redeliveries}, races {races}, outages {outages}, conflicts {conflicts}";
        var failure = await VerifyAsync(schedule, direct.GetBlobContainerClient(windowsName), direct.GetBlobContainerClient(deadLettersName));
        await direct.GetBlobContainerClient(windowsName).DeleteIfExistsAsync();
        await direct.GetBlobContainerClient(deadLettersName).DeleteIfExistsAsync();
        return (failure, stats);
    }

    private static async Task<string?> VerifyAsync(FaultSchedule schedule, BlobContainerClient windows, BlobContainerClient deadLetters)
    {
        var store = new BlobWindowStore(windows);
        var stored = new Dictionary<(string Model, DateTimeOffset Window), long>();
        await foreach (var item in windows.GetBlobsAsync())
        {
            if (!BlobNames.TryParseWindow(item.Name, out var name) || name.IsRollup)
            {
                return $"unexpected blob {item.Name}";
            }

            var window = await store.ReadAsync(new WindowKey(name.ModelId, name.ModelVersion, name.Granularity, name.WindowStart), name.Leaf[1..]);
            var key = (name.ModelId, name.WindowStart);
            stored[key] = stored.GetValueOrDefault(key) + window!.Summary.EventCount;
        }

        var wrong = schedule.Expected.Keys.Union(stored.Keys)
            .Where(k => schedule.Expected.GetValueOrDefault(k) != stored.GetValueOrDefault(k))
            .Select(k => $"{k.Model}@{k.Window:HH:mm dd}: sent {schedule.Expected.GetValueOrDefault(k)}, stored {stored.GetValueOrDefault(k)}")
            .ToList();
        if (wrong.Count > 0)
        {
            return "counts differ: " + string.Join("; ", wrong);
        }

        var letters = new HashSet<(string, long)>();
        await foreach (var letter in new BlobDeadLetterStore(deadLetters).ListAsync())
        {
            letters.Add((letter.Partition, letter.SequenceNumber));
        }

        return letters.SetEquals(schedule.ExpectedDeadLetters)
            ? null
            : $"dead letters differ: expected {schedule.ExpectedDeadLetters.Count}, stored {letters.Count}";
    }

    /// <summary>Blob clients through the proxy, with retries short enough that faults do not make the suite slow.</summary>
    private static BlobServiceClient FaultyService(int port)
    {
        var options = new BlobClientOptions
        {
            // A new connection per request, so the proxy decides the fate of every request, not only the first on a connection.
            Transport = new HttpClientTransport(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }),
        };
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(2);
        options.AddPolicy(new ThroughProxyPolicy(port), HttpPipelinePosition.PerRetry);
        return new BlobServiceClient(AzuriteFixture.ConnectionString, options);
    }

    /// <summary>
    /// Sends each request to the proxy's port and asks for the connection to close after it. Shared-key signatures
    /// cover the account and path, not the port, so the development account's credentials still apply.
    /// </summary>
    private sealed class ThroughProxyPolicy(int port) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            message.Request.Uri.Port = port;
            message.Request.Headers.SetValue("Connection", "close");
        }
    }
}
