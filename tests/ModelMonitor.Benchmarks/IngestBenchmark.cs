using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Benchmarks;

/// <summary>
/// Ingest parse+fold throughput on one core, in memory, against a baseline that only tokenizes the same
/// bytes with <see cref="Utf8JsonReader"/>. Ends with one JSON line: median baselineEventsPerSec and ingestEventsPerSec,
/// the median of the rounds' own ratios (ratio) and their quartiles (ratioQuartiles).
/// </summary>
internal static class IngestBenchmark
{
    // When the benchmark's messages reach the hub: after every event time, so none is "in the future".
    private static readonly DateTimeOffset Arrival = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var events = Option(args, "--events", 200_000);
        var rounds = Option(args, "--rounds", 15);
        var bodies = Generate(events);
        var bytes = bodies.Sum(b => (long)b.Length);
        Console.Error.WriteLine($"{events:N0} events, {bytes / (double)events:F0} bytes each on average; {rounds} rounds, median reported");

        if (args.Contains("--profile-fold"))
        {
            var parsedOnce = ParseAll(bodies);
            for (var r = 0; r < rounds; r++)
            {
                _ = FoldOnly(parsedOnce);
            }

            return 0;
        }

        if (args.Contains("--profile-parse") || args.Contains("--profile-ingest"))
        {
            // A steady loop for an external profiler (dotnet-trace); prints nothing useful itself.
            for (var r = 0; r < rounds; r++)
            {
                _ = args.Contains("--profile-parse") ? ParseOnly(bodies) : ParseAndFold(bodies);
            }

            return 0;
        }

        // Warm up both paths until the JIT has tiered up (tier-1 code is compiled in the background, and on a small
        // machine one pass is not enough: the first timed rounds used to run partly on tier-0 code).
        var warmup = Stopwatch.StartNew();
        for (var w = 0; w < 3 || warmup.Elapsed < TimeSpan.FromSeconds(2); w++)
        {
            Tokenize(bodies);
            ParseAndFold(bodies);
        }

        // Each round measures the pair back to back and keeps its own ratio: a shared machine speeds up and slows down
        // over seconds, which moves both halves of a pair together but not two medians taken over different moments.
        // The order alternates so neither side always runs on the caches the other left behind.
        var baseline = new List<double>();
        var ingest = new List<double>();
        var ratios = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            double b, i;
            if (r % 2 == 0)
            {
                b = Measure(() => Tokenize(bodies), events);
                i = Measure(() => ParseAndFold(bodies), events);
            }
            else
            {
                i = Measure(() => ParseAndFold(bodies), events);
                b = Measure(() => Tokenize(bodies), events);
            }

            baseline.Add(b);
            ingest.Add(i);
            ratios.Add(i / b);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {r + 1}: baseline {b:N0}/s, ingest {i:N0}/s, ratio {i / b:F3}"));
        }

        if (args.Contains("--breakdown"))
        {
            var pauseBefore = GC.GetTotalPauseDuration();
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var gcWatch = Stopwatch.StartNew();
            ParseAndFold(bodies);
            gcWatch.Stop();
            var pause = GC.GetTotalPauseDuration() - pauseBefore;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"one ingest round: {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)events:F0} B allocated per event; gen0/1/2 collections {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}; GC pauses {pause.TotalMilliseconds:F0} ms of {gcWatch.Elapsed.TotalMilliseconds:F0} ms"));

            var parseOnly = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                parseOnly.Add(Measure(() => ParseOnly(bodies), events));
            }

            var parseAllocated = GC.GetTotalAllocatedBytes(precise: true);
            ParseOnly(bodies);
            parseAllocated = GC.GetTotalAllocatedBytes(precise: true) - parseAllocated;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse+validate only: {Median(parseOnly):N0}/s, {parseAllocated / (double)events:F0} B allocated per event"));

            var parsed = ParseAll(bodies);
            var foldOnly = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                foldOnly.Add(Measure(() => FoldOnly(parsed), events));
            }

            Console.Error.WriteLine($"fold only (events parsed beforehand): {Median(foldOnly):N0}/s");
        }

        var sortedRatios = ratios.Order().ToList();
        var lowQuartile = sortedRatios[sortedRatios.Count / 4];
        var highQuartile = sortedRatios[sortedRatios.Count * 3 / 4];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"baselineEventsPerSec\":{Median(baseline):F0},\"ingestEventsPerSec\":{Median(ingest):F0},\"ratio\":{Median(ratios):F3},\"ratioQuartiles\":[{lowQuartile:F3},{highQuartile:F3}]}}"));
        return 0;
    }

    private static double Measure(Func<long> action, int events)
    {
        var stopwatch = Stopwatch.StartNew();
        var check = action();
        stopwatch.Stop();
        if (check < 0)
        {
            throw new InvalidOperationException("unreachable: keeps the work observable");
        }

        return events / stopwatch.Elapsed.TotalSeconds;
    }

    private static long Tokenize(List<byte[]> bodies)
    {
        long tokens = 0;
        foreach (var body in bodies)
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    private static long ParseOnly(List<byte[]> bodies)
    {
        var parser = new EventParser();
        var results = new List<ParseResult>();
        long valid = 0;
        foreach (var body in bodies)
        {
            results.Clear();
            parser.Parse(body.AsMemory(), Arrival, results);
            valid += results.Count;
        }

        return valid;
    }

    private static List<MonitoringEvent> ParseAll(List<byte[]> bodies)
    {
        var parser = new EventParser();
        var results = new List<ParseResult>();
        foreach (var body in bodies)
        {
            parser.Parse(body.AsMemory(), Arrival, results);
        }

        return [.. results.Select(r => r.Event!)];
    }

    private static long FoldOnly(List<MonitoringEvent> events)
    {
        var granularity = Granularity.BaseMinutes(5);
        var summaries = new Dictionary<WindowKey, WindowSummary>();
        long folded = 0;
        foreach (var e in events)
        {
            var key = WindowKey.For(e, granularity);
            if (!summaries.TryGetValue(key, out var summary))
            {
                summary = new WindowSummary(key.ModelId, key.ModelVersion, key.WindowStart, key.WindowEnd);
                summaries[key] = summary;
            }

            summary.Add(e);
            folded++;
        }

        return folded;
    }

    /// <summary>What ingest does per batch minus storage: parse, validate, group by window, fold.</summary>
    private static long ParseAndFold(List<byte[]> bodies)
    {
        var granularity = Granularity.BaseMinutes(5);
        var parser = new EventParser();
        var summaries = new Dictionary<WindowKey, WindowSummary>();
        var batch = new List<IncomingMessage>(1000);
        long folded = 0;
        for (var start = 0; start < bodies.Count; start += 1000)
        {
            batch.Clear();
            for (var i = start; i < Math.Min(start + 1000, bodies.Count); i++)
            {
                batch.Add(new IncomingMessage(bodies[i], i, Arrival));
            }

            var plan = BatchPlanner.Plan("0", batch, parser, granularity);
            foreach (var (key, list) in plan.Windows)
            {
                if (!summaries.TryGetValue(key, out var summary))
                {
                    summary = new WindowSummary(key.ModelId, key.ModelVersion, key.WindowStart, key.WindowEnd);
                    summaries[key] = summary;
                }

                foreach (var e in list)
                {
                    summary.Add(e.Event);
                    folded++;
                }
            }
        }

        return folded;
    }

    /// <summary>Realistic prediction events: 12 features (8 numeric, 3 categorical, 1 boolean), serving numbers, caller.</summary>
    private static List<byte[]> Generate(int count)
    {
        var random = new Random(42);
        var start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        string[] countries = ["DE", "FR", "US", "GB", "NL", "PL", "ES", "IT"];
        string[] channels = ["web", "app", "pos"];
        var list = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var ts = start.AddMilliseconds(i * 250L);
            var json = string.Create(CultureInfo.InvariantCulture,
                $"{{\"schema\":\"prediction/v1\",\"eventId\":\"{Guid.NewGuid():N}\",\"modelId\":\"fraud\",\"modelVersion\":\"3.1.0\",\"timestamp\":\"{ts:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"callerId\":\"tenant-{random.Next(200)}\",\"slot\":\"production\",\"features\":{{\"amount\":{random.NextDouble() * 500:F2},\"age\":{random.Next(18, 90)},\"score_a\":{random.NextDouble():F6},\"score_b\":{random.NextDouble():F6},\"txn_24h\":{random.Next(40)},\"avg_amount\":{random.NextDouble() * 300:F2},\"distance_km\":{random.NextDouble() * 1000:F1},\"account_days\":{random.Next(3000)},\"country\":\"{countries[random.Next(countries.Length)]}\",\"channel\":\"{channels[random.Next(channels.Length)]}\",\"mcc\":\"{5000 + random.Next(60)}\",\"is_new_device\":{(random.Next(5) == 0 ? "true" : "false")}}},\"prediction\":{random.NextDouble():F4},\"predictedLabel\":\"{(random.Next(10) == 0 ? "fraud" : "ok")}\",\"latencyMs\":{random.NextDouble() * 40:F1},\"cpuMs\":{random.NextDouble() * 8:F2},\"memoryMb\":{480 + random.Next(64)},\"status\":\"ok\"}}");
            list.Add(Encoding.UTF8.GetBytes(json));
        }

        return list;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
