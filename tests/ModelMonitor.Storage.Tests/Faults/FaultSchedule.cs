using System.Globalization;
using System.Text;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Storage.Tests.Faults;

/// <summary>
/// One seeded schedule's stream and fault knobs: partitions of batches holding valid events (near, late, very
/// late, skewed ahead within the limit) and invalid ones (broken JSON, missing fields, skewed beyond the limit),
/// with the ground truth a correct ingest must store: valid counts per (model, window) and the invalid
/// (partition, sequence number) pairs.
/// </summary>
public sealed class FaultSchedule
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    public static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);

    public FaultSchedule(int seed)
    {
        Seed = seed;
        var random = new Random(seed);
        FaultRate = random.NextDouble() * 0.3;
        CrashRate = random.NextDouble() * 0.3;
        RedeliveryRate = random.NextDouble() * 0.2;
        CompetitorRate = random.NextDouble() * 0.2;
        OutageRate = random.NextDouble() * 0.1;
        var partitions = random.Next(1, 4);
        for (var p = 0; p < partitions; p++)
        {
            var batches = new List<List<IncomingMessage>>();
            long sequence = random.Next(0, 1000);
            for (var b = random.Next(2, 5); b > 0; b--)
            {
                var batch = new List<IncomingMessage>();
                for (var n = random.Next(1, 24); n > 0; n--)
                {
                    sequence += random.Next(1, 3); // sequence numbers have gaps, as across a partition's history
                    var arrival = Start.AddSeconds(sequence * 7);
                    batch.Add(new IncomingMessage(Encoding.UTF8.GetBytes(Body(random, p, sequence, arrival)), sequence, arrival));
                }

                batches.Add(batch);
            }

            Partitions.Add(batches);
        }
    }

    public int Seed { get; }

    public double FaultRate { get; }

    public double CrashRate { get; }

    public double RedeliveryRate { get; }

    public double CompetitorRate { get; }

    public double OutageRate { get; }

    public List<List<List<IncomingMessage>>> Partitions { get; } = [];

    public Dictionary<(string Model, DateTimeOffset Window), long> Expected { get; } = [];

    public HashSet<(string Partition, long Sequence)> ExpectedDeadLetters { get; } = [];

    public int EventCount => Partitions.Sum(p => p.Sum(b => b.Count));

    private string Body(Random random, int partition, long sequence, DateTimeOffset arrival)
    {
        var model = $"m{random.Next(3)}";
        var roll = random.NextDouble();
        DateTimeOffset timestamp;
        if (roll < 0.08)
        {
            ExpectedDeadLetters.Add((partition.ToString(CultureInfo.InvariantCulture), sequence));
            return random.Next(3) switch
            {
                0 => "{\"schema\":\"prediction/v1\",\"eventId\":",
                1 => $"{{\"schema\":\"prediction/v1\",\"eventId\":\"x{sequence}\",\"modelId\":\"{model}\"}}",
                _ => Prediction(model, sequence, arrival.AddDays(2)), // clock skewed beyond the one-day limit
            };
        }

        timestamp = roll switch
        {
            // Whole-day and whole-hour offsets keep these in a few windows, so a schedule stays a few dozen requests.
            < 0.15 => arrival.AddDays(-random.Next(1, 4)), // very late
            < 0.25 => arrival.AddMinutes(-random.Next(1, 15)), // late by a window or two
            < 0.30 => arrival.AddHours(random.Next(1, 3) * 10), // producer clock ahead, within the one-day limit
            _ => arrival.AddSeconds(-random.Next(0, 5)),
        };
        var key = (model, FiveMinutes.Floor(timestamp));
        Expected[key] = Expected.GetValueOrDefault(key) + 1;
        return Prediction(model, sequence, timestamp);
    }

    private static string Prediction(string model, long sequence, DateTimeOffset timestamp) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"schema":"prediction/v1","eventId":"e{{sequence}}","modelId":"{{model}}","modelVersion":"1","timestamp":"{{timestamp:O}}","features":{"x":{{sequence % 17}}},"latencyMs":{{sequence % 9}}}
        """);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"seed {Seed}: {Partitions.Count} partitions, {Partitions.Sum(p => p.Count)} batches, {EventCount} events ({ExpectedDeadLetters.Count} invalid), faults {FaultRate:P0}, crash {CrashRate:P0}, redeliver {RedeliveryRate:P0}, competitor {CompetitorRate:P0}, outage {OutageRate:P0}");
}
