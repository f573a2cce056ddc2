using System.Globalization;
using System.Text.Json;
using ModelMonitor.Benchmarks.Load;

namespace ModelMonitor.Benchmarks;

/// <summary>
/// Load through the real storage path (Azurite on loopback by default): events/s, storage requests per 1,000
/// events and peak memory, with the window cache (what the service runs) and, on a shorter prefix of the same
/// stream, without it (the read-then-write baseline). Memory is reported after the first quarter and at the end
/// to show it stays flat.
/// </summary>
internal static class LoadBenchmark
{
    public static int Run(string[] args)
    {
        var events = Option(args, "--events", 2_000_000);
        var baselineEvents = Option(args, "--baseline-events", 400_000);
        var partitions = Option(args, "--partitions", 8);
        var models = Option(args, "--models", 20);
        var storage = OptionText(args, "--storage") ?? "UseDevelopmentStorage=true";
        var stream = new RealisticStream(partitions, models, seed: 12);
        var batches = Math.Max(1, events / (partitions * stream.BatchSize));
        var baselineBatches = Math.Max(1, baselineEvents / (partitions * stream.BatchSize));
        Console.Error.WriteLine($"load: {partitions} partitions, {models} models (by partition key), batches of {stream.BatchSize}, 3 % late by up to {RealisticStream.MaxLateness.TotalMinutes} min");

        // Warm-up (JIT, connection pool, Azurite's first containers) so neither measured run pays for it.
        LoadRun.RunAsync(storage, new RealisticStream(partitions, models, seed: 99), 2, useCache: true).GetAwaiter().GetResult();
        var cached = LoadRun.RunAsync(storage, stream, batches, useCache: true).GetAwaiter().GetResult();
        Print("with cache", cached);
        var baseline = LoadRun.RunAsync(storage, stream, baselineBatches, useCache: false).GetAwaiter().GetResult();
        Print("without cache (read before every write)", baseline);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests per 1,000 events: {cached.RequestsPerThousand:F2} with cache vs {baseline.RequestsPerThousand:F2} without: ratio {cached.RequestsPerThousand / baseline.RequestsPerThousand:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory: peak GC heap {Mib(cached.PeakHeapEarly)} after the first quarter vs {Mib(cached.PeakHeap)} at the end (ratio {(double)cached.PeakHeap / Math.Max(1, cached.PeakHeapEarly):F2}); working set {Mib(cached.PeakWorkingSetEarly)} vs {Mib(cached.PeakWorkingSet)}"));
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "load",
            events = cached.Events,
            eventsPerSecond = Math.Round(cached.EventsPerSecond),
            requestsPerThousand = Math.Round(cached.RequestsPerThousand, 2),
            baselineRequestsPerThousand = Math.Round(baseline.RequestsPerThousand, 2),
            baselineEventsPerSecond = Math.Round(baseline.EventsPerSecond),
            peakHeapEarlyMiB = cached.PeakHeapEarly / 1048576,
            peakHeapMiB = cached.PeakHeap / 1048576,
            peakWorkingSetEarlyMiB = cached.PeakWorkingSetEarly / 1048576,
            peakWorkingSetMiB = cached.PeakWorkingSet / 1048576,
        }));
        return cached.Folded == cached.Events ? 0 : 1;
    }

    private static void Print(string label, LoadResult r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {r.Events:N0} events in {r.Elapsed.TotalSeconds:F1} s = {r.EventsPerSecond:N0} events/s; requests {r.Requests:N0} (GET {r.Reads:N0}, PUT {r.Writes:N0}) = {r.RequestsPerThousand:F2} per 1,000 events; peak heap {Mib(r.PeakHeap)}, peak working set {Mib(r.PeakWorkingSet)}"));

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MiB");

    private static int Option(string[] args, string name, int fallback)
    {
        var text = OptionText(args, name);
        return text is null ? fallback : int.Parse(text, CultureInfo.InvariantCulture);
    }

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
