using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace ModelMonitor.Cli.Demo;

/// <summary>
/// What the demo simulates. Validated here so a simulator never sees a nonsensical configuration.
/// </summary>
/// <param name="Start">First simulated instant, UTC, on a whole hour.</param>
/// <param name="Days">Simulated days, 1 to 31. <value>Default 3.</value></param>
/// <param name="Models">Model ids from <see cref="DemoModels.All"/>, in canonical order, no duplicates.</param>
/// <param name="Seed">Seed of every random choice: same seed and start, same stream.</param>
/// <param name="EventsPerHour">Average predictions per hour per model from ordinary callers. <value>Default 600.</value></param>
public sealed record DemoSettings(DateTimeOffset Start, int Days, IReadOnlyList<string> Models, int Seed, int EventsPerHour)
{
    public const int DefaultDays = 3;
    public const int MaxDays = 31;
    public const int DefaultEventsPerHour = 600;
    public const int MaxEventsPerHour = 100_000;

    /// <summary>Event Hubs partitions simulated; partition keys (model ids) hash onto them.</summary>
    public const int PartitionCount = 4;

    public DateTimeOffset Start { get; } = Start.Offset == TimeSpan.Zero && Start.UtcTicks % TimeSpan.TicksPerHour == 0
        ? Start
        : throw new ArgumentException($"Start {Start:O} must be a whole UTC hour.", nameof(Start));

    public int Days { get; } = Days is >= 1 and <= MaxDays ? Days : throw new ArgumentOutOfRangeException(nameof(Days), Days, $"Must be 1 to {MaxDays}.");

    public IReadOnlyList<string> Models { get; } = Models is { Count: > 0 } && Models.All(DemoModels.IsKnown) && Models.Distinct(StringComparer.Ordinal).Count() == Models.Count
        ? Models
        : throw new ArgumentException($"Models must be distinct names from: {string.Join(", ", DemoModels.All)}.", nameof(Models));

    public int EventsPerHour { get; } = EventsPerHour is >= 1 and <= MaxEventsPerHour
        ? EventsPerHour
        : throw new ArgumentOutOfRangeException(nameof(EventsPerHour), EventsPerHour, $"Must be 1 to {MaxEventsPerHour}.");

    public DateTimeOffset End => Start.AddDays(Days);

    /// <summary>
    /// Names the simulated event hub: a hash of everything that shapes the stream. Partitions are
    /// "{StreamId}-{n}", so re-running the same settings redelivers the same sequence numbers (and is skipped),
    /// while a run with other settings never shares a partition, and so never a sequence number, with it.
    /// </summary>
    public string StreamId
    {
        get
        {
            var identity = string.Create(CultureInfo.InvariantCulture, $"{Start.UtcTicks}|{Days}|{string.Join(',', Models)}|{Seed}|{EventsPerHour}");
            return string.Create(CultureInfo.InvariantCulture, $"demo{XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(identity)):x8}");
        }
    }

    public string PartitionName(int partition) => string.Create(CultureInfo.InvariantCulture, $"{StreamId}-{partition}");

    /// <summary>Start of the last simulated day, when the scripted incidents (drift, latency regression) happen.</summary>
    public DateTimeOffset LastDayStart => End.AddDays(-1);
}
