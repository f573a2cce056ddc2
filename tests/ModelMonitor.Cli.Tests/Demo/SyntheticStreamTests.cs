using System.IO.Hashing;
using ModelMonitor.Cli.Demo;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Cli.Tests.Demo;

public sealed class SyntheticStreamTests
{
    private static readonly DateTimeOffset Start = new(2003, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static DemoSettings Settings(int seed = 42, params string[] models) =>
        new(Start, 1, models.Length == 0 ? DemoModels.All : models, seed, 20);

    [Fact]
    public void Messages_SameSettings_AreIdentical()
    {
        Assert.Equal(Fingerprint(Settings()), Fingerprint(Settings()));
    }

    [Fact]
    public void Messages_AnotherSeed_Differ()
    {
        Assert.NotEqual(Fingerprint(Settings(42)), Fingerprint(Settings(43)));
    }

    [Fact]
    public void Messages_AModelsStream_DoesNotDependOnTheOtherModels()
    {
        var alone = new SyntheticStream(Settings(42, DemoModels.Pricing)).Messages().Where(m => m.PartitionKey == DemoModels.Pricing && m.Arrival > Start.AddHours(3));
        var together = new SyntheticStream(Settings(42)).Messages().Where(m => m.PartitionKey == DemoModels.Pricing && m.Arrival > Start.AddHours(3));

        Assert.Equal(alone.Select(m => Convert.ToHexString(m.Body)), together.Select(m => Convert.ToHexString(m.Body)));
    }

    [Fact]
    public void Messages_ArriveInOrder()
    {
        var arrivals = new SyntheticStream(Settings()).Messages().Select(m => m.Arrival).ToList();

        Assert.Equal(arrivals.Order(), arrivals);
    }

    [Fact]
    public void Messages_OnlyTheInjectedMalformedOnesAreRejected_AndTheBareNaNIsAccepted()
    {
        var parser = new EventParser();
        var results = new List<ParseResult>();
        var invalid = 0;
        foreach (var message in new SyntheticStream(Settings()).Messages())
        {
            results.Clear();
            parser.Parse(message.Body, message.Arrival, results);
            invalid += results.Count(r => !r.IsValid);
        }

        Assert.Equal(MalformedMessages.ExpectedDeadLetters, invalid);
        var nan = new SyntheticStream(Settings()).Messages().Single(m => System.Text.Encoding.UTF8.GetString(m.Body).Contains("python-nan-1", StringComparison.Ordinal));
        results.Clear();
        parser.Parse(nan.Body, nan.Arrival, results);
        var parsed = Assert.Single(results);
        Assert.True(parsed.IsValid, parsed.Error);
        Assert.True(double.IsNaN(parsed.Event!.Features.Single(f => f.Name == FraudSimulator.Amount).Value.Number));
    }

    [Fact]
    public void Messages_IncludeLateOutcomesAndTheScriptedIncidents()
    {
        var settings = new DemoSettings(Start, 2, DemoModels.All, 42, 60);
        var parser = new EventParser();
        var results = new List<ParseResult>();
        foreach (var message in new SyntheticStream(settings).Messages())
        {
            parser.Parse(message.Body, message.Arrival, results);
        }

        var events = results.Where(r => r.IsValid).Select(r => r.Event!).ToList();
        var fraudOutcomes = events.Where(e => e.ModelId == DemoModels.Fraud && e.Kind == EventKind.Outcome).ToList();
        Assert.Contains(fraudOutcomes, e => e.ObservedAt - e.Timestamp > TimeSpan.FromHours(3));
        Assert.Contains(events, e => e.ModelId == DemoModels.Recsys && e.CallerId == RecsysSimulator.AbusiveCaller);
        Assert.Contains(events, e => e.ModelId == DemoModels.Recsys && e.ClickedItems.Count > 0);
        Assert.Equal(2, events.Where(e => e.ModelId == DemoModels.Pricing).Select(e => e.ModelVersion).Distinct().Count());

        double MeanAmount(bool lastDay) => events
            .Where(e => e.ModelId == DemoModels.Fraud && e.Kind == EventKind.Prediction && (e.Timestamp >= settings.LastDayStart) == lastDay)
            .SelectMany(e => e.Features).Where(f => f.Name == FraudSimulator.Amount && double.IsFinite(f.Value.Number)).Average(f => f.Value.Number);
        Assert.True(MeanAmount(lastDay: true) > 1.5 * MeanAmount(lastDay: false));
    }

    [Fact]
    public void Settings_InvalidValues_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new DemoSettings(Start.AddMinutes(30), 1, DemoModels.All, 1, 10));
        Assert.Throws<ArgumentException>(() => new DemoSettings(Start, 1, ["weather"], 1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DemoSettings(Start, 0, DemoModels.All, 1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DemoSettings(Start, 1, DemoModels.All, 1, 0));
    }

    private static string Fingerprint(DemoSettings settings)
    {
        var hash = new XxHash64();
        foreach (var message in new SyntheticStream(settings).Messages())
        {
            hash.Append(BitConverter.GetBytes(message.Arrival.UtcTicks));
            hash.Append(System.Text.Encoding.UTF8.GetBytes(message.PartitionKey));
            hash.Append(message.Body);
        }

        return Convert.ToHexString(hash.GetCurrentHash());
    }
}
