using System.Diagnostics;
using System.Globalization;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;

namespace ModelMonitor.Benchmarks;

/// <summary>
/// Checking cost: M models × 50 features, each window checked against its reference, beside the cost of reading what
/// the check needs the way the service reads it: the reference summary and one blob per Event Hub partition for the
/// window (default 8, the Bicep default), deserialized and merged. Reading is measured in memory and, with
/// <c>--storage</c>, from blob storage. Prints per-model time and allocations, and one JSON line.
/// </summary>
internal static class CheckBenchmark
{
    public static int Run(string[] args)
    {
        var models = Option(args, "--models", 100);
        var events = Option(args, "--events", 20_000);
        var partitions = Option(args, "--partitions", 8);
        Console.Error.WriteLine($"building {models} models: reference of {events:N0} events, current window of {events / 4:N0} in {partitions} partition blobs, 50 features …");
        var stored = Enumerable.Range(0, models).Select(m => Store(m, events, partitions)).ToList();
        Console.Error.WriteLine($"stored: reference ≈ {stored.Average(s => s.Reference.Length) / 1024:F0} KiB, partition blob ≈ {stored.Average(s => s.Partitions.Average(p => p.Length)) / 1024:F0} KiB");

        if (args.Contains("--profile-check"))
        {
            // A steady loop over the checks alone, for an external profiler.
            var pairs = stored.Select(Read).ToList();
            for (var r = 0; r < 20; r++)
            {
                foreach (var (reference, current) in pairs)
                {
                    CheckEvaluator.Evaluate(reference, current, CheckPolicy.Default);
                }
            }

            return 0;
        }

        var warm = Read(stored[0]);
        CheckEvaluator.Evaluate(warm.Reference, warm.Current, CheckPolicy.Default);

        var readTime = TimeSpan.Zero;
        var checkTime = TimeSpan.Zero;
        long readBytes = 0, checkBytes = 0, alerts = 0;
        foreach (var model in stored)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var (reference, current) = Read(model);
            readTime += watch.Elapsed;
            readBytes += GC.GetAllocatedBytesForCurrentThread() - before;

            before = GC.GetAllocatedBytesForCurrentThread();
            watch.Restart();
            var result = CheckEvaluator.Evaluate(reference, current, CheckPolicy.Default);
            checkTime += watch.Elapsed;
            checkBytes += GC.GetAllocatedBytesForCurrentThread() - before;
            alerts += result.Alerts.Count;
        }

        var storageMs = args.Contains("--storage") ? StorageReadMs(stored, args[Array.IndexOf(args, "--storage") + 1]) : (double?)null;
        var readMs = readTime.TotalMilliseconds / models;
        var checkMs = checkTime.TotalMilliseconds / models;
        Console.Error.WriteLine($"per model: read {readMs:F2} ms in memory, {readBytes / models / 1024:N0} KiB allocated; check {checkMs:F2} ms, {checkBytes / models / 1024:N0} KiB allocated; {alerts} alerts in all");
        if (storageMs is { } ms)
        {
            Console.Error.WriteLine($"per model from storage (download + deserialize + merge, {partitions + 1} blobs): {ms:F2} ms");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"models\":{models},\"features\":50,\"partitions\":{partitions},\"readMsPerModel\":{readMs:F3},\"storageReadMsPerModel\":{(storageMs is { } s ? s.ToString("F3", CultureInfo.InvariantCulture) : "null")},\"checkMsPerModel\":{checkMs:F3},\"readKiBPerModel\":{readBytes / 1024.0 / models:F0},\"checkKiBPerModel\":{checkBytes / 1024.0 / models:F0},\"checkToReadRatio\":{checkMs / readMs:F3}}}"));
        return 0;
    }

    private sealed record StoredModel(byte[] Reference, byte[][] Partitions);

    private static StoredModel Store(int model, int events, int partitions)
    {
        var shift = model % 3 == 0 ? 0.3 : 0;
        return new StoredModel(
            WindowSummarySerializer.Serialize(Build(model, events, 0, seed: model)),
            [.. Enumerable.Range(0, partitions).Select(p => WindowSummarySerializer.Serialize(Build(model, events / 4 / partitions, shift, seed: (model * 100) + p + 1)))]);
    }

    private static (WindowSummary Reference, WindowSummary Current) Read(StoredModel model) =>
        (WindowSummarySerializer.Deserialize(model.Reference), Merge(model.Partitions.Select(p => WindowSummarySerializer.Deserialize(p))));

    private static WindowSummary Merge(IEnumerable<WindowSummary> parts)
    {
        WindowSummary? merged = null;
        foreach (var part in parts)
        {
            if (merged is null)
            {
                merged = part;
            }
            else
            {
                merged.Merge(part);
            }
        }

        return merged!;
    }

    /// <summary>Uploads every blob to a scratch container, then times download + deserialize + merge per model.</summary>
    private static double StorageReadMs(List<StoredModel> stored, string connection)
    {
        var container = new Azure.Storage.Blobs.BlobServiceClient(connection).GetBlobContainerClient($"bench{Guid.NewGuid():N}"[..24]);
        container.CreateIfNotExists();
        try
        {
            for (var i = 0; i < stored.Count; i++)
            {
                container.GetBlobClient($"{i}/reference").Upload(BinaryData.FromBytes(stored[i].Reference));
                for (var p = 0; p < stored[i].Partitions.Length; p++)
                {
                    container.GetBlobClient($"{i}/p{p}").Upload(BinaryData.FromBytes(stored[i].Partitions[p]));
                }
            }

            byte[] Download(string name) => container.GetBlobClient(name).DownloadContent().Value.Content.ToArray();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < stored.Count; i++)
            {
                var model = new StoredModel(Download($"{i}/reference"), [.. Enumerable.Range(0, stored[i].Partitions.Length).Select(p => Download($"{i}/p{p}"))]);
                Read(model);
            }

            return watch.Elapsed.TotalMilliseconds / stored.Count;
        }
        finally
        {
            container.DeleteIfExists();
        }
    }

    private static WindowSummary Build(int model, int events, double shift, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var summary = new WindowSummary($"model{model}", "1", start, start.AddHours(1));
        var features = new Feature[50];
        for (var i = 0; i < events; i++)
        {
            for (var f = 0; f < 40; f++)
            {
                features[f] = new Feature(Names[f], FieldValue.FromNumber(Normal(random) + (f < 5 ? shift : 0)));
            }

            for (var f = 40; f < 50; f++)
            {
                features[f] = new Feature(Names[f], FieldValue.FromString(Categories[random.Next(Categories.Length)]));
            }

            summary.Add(new MonitoringEvent
            {
                Kind = EventKind.Prediction, EventId = "e", ModelId = summary.ModelId, ModelVersion = "1", Timestamp = start,
                Features = features, Prediction = FieldValue.FromNumber(random.NextDouble()), LatencyMs = 10 + random.NextDouble(),
            });
        }

        return summary;
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static readonly string[] Names = [.. Enumerable.Range(0, 50).Select(i => $"f{i:D2}")];
    private static readonly string[] Categories = ["a", "b", "c", "d", "e", "f", "g", "h"];

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
