using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Summaries.Serialization;

namespace ModelMonitor.Core.Tests.Summaries;

public class CallerInputsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static Feature[] Input(double amount, string country = "de") =>
        [new("amount", FieldValue.FromNumber(amount)), new("items", FieldValue.FromNumber(3)), new("country", FieldValue.FromString(country))];

    private static MonitoringEvent Event(string? caller, Feature[] features) => new()
    {
        Kind = EventKind.Prediction, EventId = "e", ModelId = "m", ModelVersion = "1", Timestamp = Start, CallerId = caller, Features = features,
    };

    private static WindowSummary Summary(IEnumerable<MonitoringEvent> events)
    {
        var summary = new WindowSummary("m", "1", Start, Start.AddMinutes(5));
        foreach (var e in events)
        {
            summary.Add(e);
        }

        return summary;
    }

    [Fact]
    public void Add_SameInputReplayed_CountsOneDistinctInput()
    {
        var input = Input(42.5);

        var counted = Assert.Single(Summary(Enumerable.Repeat(Event("k", input), 500)).CallerInputs.All());

        Assert.Equal(500, counted.Inputs);
        Assert.Equal(1, counted.DistinctExact, 0.01);
        Assert.Equal(1, counted.DistinctNear, 0.01);
        Assert.True(counted.ExactRepeatShare > 0.99);
    }

    [Fact]
    public void Add_TinyPerturbations_AreDistinctExactlyButOneNearIdenticalBucket()
    {
        var random = new Random(3);

        var counted = Assert.Single(Summary(Enumerable.Range(0, 500).Select(_ => Event("k", Input(42.5 * (1 + (1e-5 * random.NextDouble())))))).CallerInputs.All());

        Assert.InRange(counted.DistinctExact, 420, 500);
        Assert.True(counted.DistinctNear < 3, $"{counted.DistinctNear} near-identical buckets");
        Assert.True(counted.NearRepeatShare > 0.99);
        Assert.True(counted.ExactRepeatShare < 0.16);
    }

    [Fact]
    public void Add_DiverseInputs_RepeatAlmostNothing()
    {
        var random = new Random(4);

        var counted = Assert.Single(Summary(Enumerable.Range(0, 2000).Select(_ => Event("k", Input(Math.Exp(10 * random.NextDouble()), $"c{random.Next(1000)}")))).CallerInputs.All());

        Assert.True(counted.ExactRepeatShare < 0.15, $"exact repeat share {counted.ExactRepeatShare}");
        Assert.True(counted.NearRepeatShare < 0.3, $"near repeat share {counted.NearRepeatShare}");
    }

    [Fact]
    public void Add_ValuesInAnotherOrderOrKind_AreAnotherInput()
    {
        Feature[] a = [new("x", FieldValue.FromNumber(1)), new("y", FieldValue.FromNumber(2))];
        Feature[] b = [new("x", FieldValue.FromNumber(2)), new("y", FieldValue.FromNumber(1))];
        Feature[] c = [new("x", FieldValue.FromBoolean(true)), new("y", FieldValue.FromNumber(2))];

        var counted = Assert.Single(Summary([Event("k", a), Event("k", b), Event("k", c)]).CallerInputs.All());

        Assert.Equal(3, counted.DistinctExact, 0.01);
    }

    [Fact]
    public void Add_EventsWithoutCallerOrFeatures_AreNotCounted()
    {
        var summary = Summary([Event(null, Input(1)), Event("k", [])]);

        Assert.Equal(0, summary.CallerInputs.Count);
        Assert.Null(JsonNode.Parse(WindowSummarySerializer.ToJson(summary))!["callerInputs"]);
    }

    [Fact]
    public void Add_ManyOneOffCallers_TheHeavyCallerKeepsItsSlot()
    {
        var random = new Random(5);
        var events = new List<MonitoringEvent>();
        for (var i = 0; i < 10_000; i++)
        {
            events.Add(i % 5 == 0 ? Event("heavy", Input(7)) : Event($"one-off-{i}", Input(random.NextDouble())));
        }

        var inputs = Summary(events).CallerInputs;

        Assert.Equal(CallerInputs.DefaultCapacity, inputs.Count);
        var heavy = inputs.All()[0];
        Assert.Equal("heavy", heavy.CallerId);
        Assert.InRange(heavy.Inputs, 1900, 2000);
        Assert.True(heavy.ExactRepeatShare > 0.99, "its share counts only its own inputs, none of the evicted callers'");
        Assert.Equal(10_000, inputs.All().Sum(c => c.Inputs) + inputs.Untracked);
    }

    [Fact]
    public void Add_TwoHundredLightCallersAndAScraperAtFivePercent_TracksTheScraperNearlyWhole()
    {
        // The ingest benchmark's shape: many callers of equal, light share, where slots churn; sampled admission
        // (CallerInputs.AdmitEvery) must still hold the one caller with a real share from its first few inputs.
        var random = new Random(6);
        var events = new List<MonitoringEvent>();
        for (var i = 0; i < 20_000; i++)
        {
            events.Add(i % 20 == 0 ? Event("scraper", Input(7)) : Event($"tenant-{random.Next(200)}", Input(random.NextDouble())));
        }

        var inputs = Summary(events).CallerInputs;

        var scraper = Assert.Single(inputs.All(), c => c.CallerId == "scraper");
        Assert.InRange(scraper.Inputs, 950, 1000);
        Assert.True(scraper.ExactRepeatShare > 0.99, "its share counts only its own inputs");
        Assert.Equal(20_000, inputs.All().Sum(c => c.Inputs) + inputs.Untracked);
    }

    [Fact]
    public void Add_InSteadyState_AllocatesNothingEvenWhenEvicting()
    {
        // 64 callers through 32 slots: every few events a caller is evicted and its slot reused.
        var callers = Enumerable.Range(0, 64).Select(i => $"c{i}").ToArray();
        var inputs = Enumerable.Range(0, 16).Select(i => Input(i, i % 2 == 0 ? "de" : "fr")).ToArray();
        var counter = new CallerInputs();
        for (var i = 0; i < 2000; i++)
        {
            counter.Add(callers[i % callers.Length], inputs[i % inputs.Length]);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            counter.Add(callers[(i * 7) % callers.Length], inputs[i % inputs.Length]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(counter.Untracked > 0, "callers were evicted");
    }

    [Fact]
    public void Merge_OfParts_EqualsTheSummaryOfTheWhole()
    {
        var random = new Random(6);
        var events = Enumerable.Range(0, 3000).Select(i => Event($"c{i % 20}", Input(random.Next(50)))).ToList();

        var whole = Summary(events);
        var merged = Summary(events.Where((_, i) => i % 3 == 0));
        merged.Merge(Summary(events.Where((_, i) => i % 3 == 1)));
        merged.Merge(Summary(events.Where((_, i) => i % 3 == 2)));

        Assert.Equal(whole.CallerInputs.All(), merged.CallerInputs.All());
    }

    [Fact]
    public void Merge_BeyondTheCapacity_KeepsTheHeaviestAndCountsTheRest()
    {
        var a = Summary(Enumerable.Range(0, 40).SelectMany(c => Enumerable.Repeat(Event($"a{c:00}", Input(c)), c + 1)));
        var b = Summary(Enumerable.Range(0, 40).SelectMany(c => Enumerable.Repeat(Event($"b{c:00}", Input(c)), c + 1)));
        long total = a.CallerInputs.All().Sum(c => c.Inputs) + a.CallerInputs.Untracked + b.CallerInputs.All().Sum(c => c.Inputs) + b.CallerInputs.Untracked;

        a.Merge(b);

        Assert.Equal(CallerInputs.DefaultCapacity, a.CallerInputs.Count);
        Assert.Equal(["a39", "b39"], a.CallerInputs.All().Take(2).Select(c => c.CallerId));
        Assert.Equal(total, a.CallerInputs.All().Sum(c => c.Inputs) + a.CallerInputs.Untracked);
    }

    [Fact]
    public void Serializer_RoundTrip_KeepsTheCallerInputs()
    {
        var random = new Random(7);
        var summary = Summary(Enumerable.Range(0, 400).Select(i => Event($"c{i % 4}", Input(i % 4 == 0 ? 1 : random.NextDouble()))));

        var restored = WindowSummarySerializer.Deserialize(WindowSummarySerializer.Serialize(summary));

        Assert.Equal(summary.CallerInputs.All(), restored.CallerInputs.All());
        Assert.Equal(WindowSummarySerializer.ToJson(summary), WindowSummarySerializer.ToJson(restored));
    }

    [Fact]
    public void Deserialize_BlobWrittenBeforeCallerInputs_HasNone()
    {
        var json = JsonNode.Parse(WindowSummarySerializer.ToJson(Summary(Enumerable.Repeat(Event("k", Input(1)), 10))))!.AsObject();
        Assert.True(json.Remove("callerInputs"));

        var restored = WindowSummarySerializer.Deserialize(Gzip(json.ToJsonString()));

        Assert.Equal(0, restored.CallerInputs.Count);
        Assert.Equal(10, restored.Callers.GetCount("k"));
    }

    [Fact]
    public void Deserialize_CallerInputsOfAnotherPrecision_IsAFormatException()
    {
        var json = JsonNode.Parse(WindowSummarySerializer.ToJson(Summary(Enumerable.Repeat(Event("k", Input(1)), 10))))!.AsObject();
        json["callerInputs"]!["callers"]![0]!["exact"] = Convert.ToBase64String(new Core.Sketches.HyperLogLog(8).ToBytes());

        Assert.Throws<FormatException>(() => WindowSummarySerializer.Deserialize(Gzip(json.ToJsonString())));
    }

    private static byte[] Gzip(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }
}
