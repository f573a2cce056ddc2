using System.Globalization;

namespace ModelMonitor.Cli.Demo;

/// <summary>
/// One simulated model in production: each simulated hour it schedules its predictions (arriving within a
/// second of being made) and the outcomes that will arrive later. Each model has its own seeded
/// <see cref="Random"/> so its stream depends only on the seed, not on which other models run.
/// </summary>
internal abstract class ModelSimulator
{
    private long _events;

    protected ModelSimulator(string modelId, DemoSettings settings)
    {
        ModelId = modelId;
        Settings = settings;
        Random = new Random(DemoSeeds.For(settings.Seed, modelId));
    }

    /// <summary>Also the partition key, as producers key by model so one model's events stay in order.</summary>
    public string ModelId { get; }

    /// <summary>The version the malformed-message injector imitates.</summary>
    public abstract string MainVersion { get; }

    /// <summary>A numeric feature, for the malformed messages that target one.</summary>
    public abstract string NumericFeature { get; }

    protected DemoSettings Settings { get; }

    protected Random Random { get; }

    public abstract void SimulateHour(DateTimeOffset hourStart, MessageSchedule schedule);

    /// <summary>Predictions this hour at <paramref name="meanPerHour"/> on average, with a daily cycle (busiest mid-afternoon UTC).</summary>
    protected int EventsThisHour(DateTimeOffset hourStart, double meanPerHour, bool diurnal = true)
    {
        var factor = diurnal ? 1.0 + (0.45 * Math.Sin(2 * Math.PI * (hourStart.Hour - 9) / 24.0)) : 1.0;
        return Random.Poisson(meanPerHour * factor);
    }

    protected DateTimeOffset TimeIn(DateTimeOffset hourStart) => hourStart.AddMilliseconds(Random.Next(0, 3_600_000));

    /// <summary>When a prediction made at <paramref name="timestamp"/> reaches the hub: within a second.</summary>
    protected DateTimeOffset Sent(DateTimeOffset timestamp) => timestamp.AddMilliseconds(Random.Next(5, 1000));

    protected bool IsLastDay(DateTimeOffset timestamp) => timestamp >= Settings.LastDayStart;

    protected string NextEventId() => string.Create(CultureInfo.InvariantCulture, $"{ModelId}-{++_events:D9}");
}
