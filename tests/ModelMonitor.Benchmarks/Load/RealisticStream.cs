using System.Globalization;
using System.Text;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Benchmarks.Load;

/// <summary>
/// A seeded stream the way production sends it: models routed to partitions by model id (partition key), events
/// arriving about <see cref="EventsPerSecondPerPartition"/> a second per partition within two seconds of their
/// event time, and a few percent late by up to <see cref="MaxLateness"/>. Batches hold <see cref="BatchSize"/>
/// messages, as host.json's tuned batching delivers them.
/// </summary>
public sealed class RealisticStream(int partitions, int models, int seed, double lateFraction = 0.03, int batchSize = 1000, double invalidFraction = 0)
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan MaxLateness = TimeSpan.FromMinutes(10);

    public const int EventsPerSecondPerPartition = 125;

    public int Partitions { get; } = partitions;

    public int BatchSize { get; } = batchSize;

    public static string ModelId(int model) => string.Create(CultureInfo.InvariantCulture, $"m{model:D2}");

    /// <summary>Models whose partition key hashes to <paramref name="partition"/>.</summary>
    public IReadOnlyList<string> ModelsOf(int partition) =>
        [.. Enumerable.Range(0, models).Where(m => m % Partitions == partition).Select(ModelId)];

    /// <summary>Batch <paramref name="index"/> of a partition: the same bytes for the same (seed, partition, index).</summary>
    public StreamBatch Batch(int partition, int index)
    {
        var random = new Random(HashCode.Combine(seed, partition, index));
        var owned = ModelsOf(partition);
        var messages = new List<IncomingMessage>(BatchSize);
        var valid = 0;
        for (var i = 0; i < BatchSize; i++)
        {
            long sequence = ((long)index * BatchSize) + i;
            var arrival = Start.AddTicks(sequence * TimeSpan.TicksPerSecond / EventsPerSecondPerPartition);
            var late = random.NextDouble() < lateFraction;
            var eventTime = arrival - (late
                ? TimeSpan.FromTicks((long)(random.NextDouble() * MaxLateness.Ticks))
                : TimeSpan.FromMilliseconds(random.Next(0, 2000)));
            var model = owned[random.Next(owned.Count)];
            var invalid = random.NextDouble() < invalidFraction;
            var body = invalid
                ? $$"""{"schema":"prediction/v1","eventId":"bad-{{sequence}}","modelId":"{{model}}"}"""
                : string.Create(CultureInfo.InvariantCulture, $$"""
                    {"schema":"prediction/v1","eventId":"p{{partition}}-{{sequence}}","modelId":"{{model}}","modelVersion":"1","timestamp":"{{eventTime.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","callerId":"c{{random.Next(50)}}","features":{"amount":{{Math.Round(random.NextDouble() * 500, 2)}},"age":{{random.Next(18, 90)}},"country":"{{Countries[random.Next(Countries.Length)]}}"},"prediction":{{Math.Round(random.NextDouble(), 3)}},"latencyMs":{{random.Next(3, 40)}},"status":"ok"}
                    """);
            valid += invalid ? 0 : 1;
            messages.Add(new IncomingMessage(Encoding.UTF8.GetBytes(body), sequence, arrival));
        }

        return new StreamBatch(messages, valid);
    }

    private static readonly string[] Countries = ["DE", "FR", "NL", "US", "GB", "PL", "ES"];
}
