using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Core.Tests.Ingestion;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of the parser and the whole ingest path with <see cref="HostileMessages"/>: nothing throws,
/// every event is folded or dead-lettered exactly once, ids that reach blob names stay inside their prefix, and a
/// message costs memory in proportion to its size. The suite runs a few seconds' worth; for a long run set
/// <c>MODELMONITOR_FUZZ_ITERATIONS</c> (cases per property; the suite runs 150 for the parser and the memory bound, 30 batches for the pipeline), e.g.
/// <c>MODELMONITOR_FUZZ_ITERATIONS=20000 dotnet test tests/ModelMonitor.Core.Tests --filter HostileInputFuzzTests</c>.
/// A failure names the seed; <see cref="HostileMessages"/> regenerates the same bytes from it.
/// </summary>
public class HostileInputFuzzTests
{
    private static readonly Granularity FiveMinutes = Granularity.BaseMinutes(5);

    /// <summary>Allocation allowed per message: this many bytes per body byte (measured worst: about 85, an array of one-digit numbers), plus a fixed allowance.</summary>
    private const long BytesPerBodyByte = 160;
    private const long FixedAllowance = 512 * 1024;

    private static int Iterations(int suiteDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("MODELMONITOR_FUZZ_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : suiteDefault;

    private static Config Config(int suiteDefault) => FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Iterations(suiteDefault));

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue).ToArbitrary();

    [Fact]
    public void Parse_HostileMessage_NeverThrowsAndAccountsForEveryEvent()
    {
        Check.One(Config(150), Prop.ForAll(Seeds, seed =>
        {
            var body = HostileMessages.Message(new Random(seed));
            var results = new List<ParseResult>();

            new EventParser().Parse(body, HostileMessages.Arrival, results);

            Assert.NotEmpty(results);
            for (var i = 0; i < results.Count; i++)
            {
                var r = results[i];
                Assert.True(r.IsValid ^ !string.IsNullOrEmpty(r.Error), $"seed {seed}: result {i} is neither valid nor has a reason");
                Assert.True(i == 0 || r.Index > results[i - 1].Index, $"seed {seed}: indexes not increasing");
                if (r.Event is { } e)
                {
                    AssertStaysInItsPrefix(seed, e);
                }
            }
        }));
    }

    [Fact]
    public void Ingest_HostileBatch_FoldsOrDeadLettersEveryEventExactlyOnce()
    {
        Check.One(Config(30), Prop.ForAll(Seeds, seed =>
        {
            // Sync over async keeps FsCheck's runner simple; the in-memory stores complete synchronously anyway.
            var failure = IngestOnceAsync(seed).GetAwaiter().GetResult();
            Assert.True(failure is null, failure);
        }));
    }

    [Fact]
    public void Plan_HostileMessage_AllocatesAConstantFactorOfItsSize()
    {
        var parser = new EventParser();
        BatchPlanner.Plan("0", [new IncomingMessage(HostileMessages.Message(new Random(1)), 1, HostileMessages.Arrival)], parser, FiveMinutes);
        Check.One(Config(150), Prop.ForAll(Seeds, seed =>
        {
            var body = HostileMessages.Message(new Random(seed));
            var before = GC.GetAllocatedBytesForCurrentThread();
            BatchPlanner.Plan("0", [new IncomingMessage(body, 1, HostileMessages.Arrival)], parser, FiveMinutes);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(allocated <= (BytesPerBodyByte * body.Length) + FixedAllowance, $"seed {seed}: {allocated:N0} bytes allocated for a {body.Length:N0}-byte message");
        }));
    }

    /// <summary>Null when the batch of this seed is accounted for; otherwise what went wrong.</summary>
    private static async Task<string?> IngestOnceAsync(int seed)
    {
        var random = new Random(seed);
        var bodies = HostileMessages.Batch(random, random.Next(1, 16));
        var messages = bodies.Select((b, i) => new IncomingMessage(b, i + 1, HostileMessages.Arrival)).ToList();

        // Ground truth, message by message with a fresh parser: how many events each holds and how many are valid.
        var expectedValid = 0;
        var expectedRejected = new HashSet<(long, int)>();
        var results = new List<ParseResult>();
        foreach (var message in messages)
        {
            results.Clear();
            new EventParser().Parse(message.Body.Span, message.EnqueuedTime, results);
            expectedValid += results.Count(r => r.IsValid);
            foreach (var r in results.Where(r => !r.IsValid))
            {
                expectedRejected.Add((message.SequenceNumber, r.Index));
            }
        }

        var windows = new InMemoryWindowStore();
        var deadLetters = new InMemoryDeadLetterStore();
        var pipeline = new IngestPipeline(windows, deadLetters, FiveMinutes);
        IngestResult first;
        IngestResult again;
        try
        {
            first = await pipeline.ProcessAsync("0", messages);
            again = await pipeline.ProcessAsync("0", messages);
        }
        catch (Exception ex)
        {
            return $"seed {seed}: the pipeline threw {ex}";
        }

        var stored = 0L;
        foreach (var (key, partition) in windows.Keys)
        {
            var window = (await windows.ReadAsync(key, partition))!;
            stored += window.Summary.EventCount + window.Summary.Outcomes.Count;
            if (!Identifiers.IsValidPathId(key.ModelId) || !Identifiers.IsValidPathId(key.ModelVersion))
            {
                return $"seed {seed}: window of model '{key.ModelId}' version '{key.ModelVersion}' has an id that could leave its prefix";
            }
        }

        var letters = await deadLetters.ListAsync().ToListAsync();
        var letterEvents = letters.Sum(l => l.EventCount);
        var lettered = letters.Select(l => (l.SequenceNumber, l.Index)).ToHashSet();
        var problems = new List<string>();
        if (first.Received != first.Folded + first.DeadLettered)
        {
            problems.Add($"received {first.Received} != folded {first.Folded} + dead-lettered {first.DeadLettered}");
        }

        if (first.Folded != expectedValid || stored != expectedValid)
        {
            problems.Add($"valid {expectedValid}, folded {first.Folded}, stored {stored}");
        }

        if (first.DeadLettered != expectedRejected.Count || letterEvents != expectedRejected.Count || !lettered.IsSubsetOf(expectedRejected))
        {
            problems.Add($"rejected {expectedRejected.Count}, dead-lettered {first.DeadLettered}, letters account for {letterEvents}");
        }

        if (again.Folded != 0 || again.SkippedDuplicates != first.Folded)
        {
            problems.Add($"redelivery folded {again.Folded} and skipped {again.SkippedDuplicates} of {first.Folded}");
        }

        return problems.Count == 0 ? null : $"seed {seed}: {string.Join("; ", problems)}";
    }

    private static void AssertStaysInItsPrefix(int seed, MonitoringEvent e)
    {
        // Model id and version become blob path segments ({granularity}/{modelId}/{modelVersion}/{time}/p{partition}).
        foreach (var id in new[] { e.ModelId, e.ModelVersion })
        {
            Assert.True(Identifiers.IsValidPathId(id), $"seed {seed}: accepted id '{id}' could leave its blob prefix");
            Assert.DoesNotContain('/', id);
            Assert.DoesNotContain('\\', id);
            Assert.DoesNotContain('%', id);
            Assert.False(id is "." or "..", $"seed {seed}: accepted dot segment '{id}'");
            Assert.All(id, c => Assert.False(char.IsControl(c) || char.IsSurrogate(c), $"seed {seed}: control or surrogate in '{id}'"));
        }
    }
}
