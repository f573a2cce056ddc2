using FsCheck;
using FsCheck.Xunit;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Tests.Sketches;

public class FrequentItemsMergeTests
{
    [Property]
    public void Merge_InExactMode_EqualsCountingTheUnionInEitherOrderAndGrouping(byte[] a, byte[] b, byte[] c)
    {
        // At most 40 distinct items against a capacity of 64: the counter must stay exact.
        var expected = a.Concat(b).Concat(c)
            .GroupBy(Item)
            .Select(group => new ItemCount(group.Key, group.Sum(Weight)))
            .OrderByDescending(item => item.Count)
            .ThenBy(item => item.Item, StringComparer.Ordinal)
            .ToList();

        var leftFirst = Counter(64, a);
        leftFirst.Merge(Counter(64, b));
        leftFirst.Merge(Counter(64, c));
        var bc = Counter(64, b);
        bc.Merge(Counter(64, c));
        var rightFirst = Counter(64, a);
        rightFirst.Merge(bc);
        var reversed = Counter(64, c);
        reversed.Merge(Counter(64, b));
        reversed.Merge(Counter(64, a));

        foreach (var merged in new[] { leftFirst, rightFirst, reversed })
        {
            Assert.True(merged.IsExact);
            Assert.Equal(0, merged.Other);
            Assert.Equal(expected.Sum(item => item.Count), merged.TotalCount);
            Assert.Equal(expected, merged.All());
        }
    }

    [Property(MaxTest = 60)]
    public void Merge_InApproximateMode_KeepsEveryCountWithinMaxError(int seed, PositiveInt parts)
    {
        var random = new Random(seed);
        int capacity = random.Next(1, 24);
        var stream = SkewedStream(random, length: random.Next(0, 5_000), alphabet: random.Next(1, 300));
        var truth = stream.GroupBy(entry => entry.Item).ToDictionary(group => group.Key, group => group.Sum(entry => entry.Weight));

        var pieces = Split(stream, 1 + (parts.Get % 12), random);
        var counters = pieces.Select(piece => Counter(capacity, piece)).ToList();
        while (counters.Count > 1)
        {
            int i = random.Next(counters.Count);
            var target = counters[i];
            counters.RemoveAt(i);
            int j = random.Next(counters.Count);
            target.Merge(counters[j]);
            counters[j] = target;
        }

        AssertBounds(counters[0], truth);
        AssertBounds(Counter(capacity, stream), truth);
    }

    [Property(MaxTest = 60)]
    public void Merge_InApproximateMode_IsCommutativeAndAssociativeUpToTheBounds(int seed)
    {
        var random = new Random(seed);
        int capacity = random.Next(1, 16);
        var a = SkewedStream(random, random.Next(0, 2_000), 100);
        var b = SkewedStream(random, random.Next(0, 2_000), 150);
        var c = SkewedStream(random, random.Next(0, 2_000), 200);
        var truth = a.Concat(b).Concat(c).GroupBy(entry => entry.Item).ToDictionary(group => group.Key, group => group.Sum(entry => entry.Weight));

        var ab = Counter(capacity, a);
        ab.Merge(Counter(capacity, b));
        var ba = Counter(capacity, b);
        ba.Merge(Counter(capacity, a));
        var abThenC = ab.Clone();
        abThenC.Merge(Counter(capacity, c));
        var bc = Counter(capacity, b);
        bc.Merge(Counter(capacity, c));
        var aThenBc = Counter(capacity, a);
        aThenBc.Merge(bc);

        var truthAb = a.Concat(b).GroupBy(entry => entry.Item).ToDictionary(group => group.Key, group => group.Sum(entry => entry.Weight));
        AssertBounds(ab, truthAb);
        AssertBounds(ba, truthAb);
        AssertBounds(abThenC, truth);
        AssertBounds(aThenBc, truth);
    }

    [Fact]
    public void SameSequence_GivesTheSameCounter()
    {
        var random = new Random(3);
        var stream = SkewedStream(random, 20_000, 1_000);

        Assert.Equal(Counter(32, stream).All(), Counter(32, stream).All());
        Assert.Equal(Counter(32, stream).MaxError, Counter(32, stream).MaxError);
    }

    [Fact]
    public void HeavyHitters_SurviveALongTailOfRareItems()
    {
        var counter = new FrequentItems(capacity: 32);
        for (int i = 0; i < 100_000; i++)
        {
            counter.Add(i % 10 == 0 ? "hot" : i % 10 == 1 ? "warm" : $"rare-{i}");
        }

        var top = counter.Top(2);

        Assert.Equal(["hot", "warm"], top.Select(item => item.Item));
        Assert.InRange(top[0].Count, 10_000 - counter.MaxError, 10_000);
        Assert.True(counter.MaxError < 10_000 / 2);
    }

    private static string Item(byte value) => $"c{value % 40}";

    private static long Weight(byte value) => 1 + (value / 40);

    private static FrequentItems Counter(int capacity, byte[] values)
    {
        var counter = new FrequentItems(capacity);
        foreach (byte value in values)
        {
            counter.Add(Item(value), Weight(value));
        }

        return counter;
    }

    private static FrequentItems Counter(int capacity, IEnumerable<(string Item, long Weight)> stream)
    {
        var counter = new FrequentItems(capacity);
        foreach (var (item, weight) in stream)
        {
            counter.Add(item.AsSpan(), weight);
        }

        return counter;
    }

    // Zipf-like: item i has probability ~ i^(-2/3), weights 1..4.
    private static List<(string Item, long Weight)> SkewedStream(Random random, int length, int alphabet) =>
        Enumerable.Range(0, length)
            .Select(_ => ($"k{(int)(alphabet * Math.Pow(random.NextDouble(), 3))}", (long)random.Next(1, 5)))
            .ToList();

    private static List<List<(string Item, long Weight)>> Split(List<(string Item, long Weight)> stream, int parts, Random random)
    {
        var cuts = Enumerable.Range(0, parts - 1).Select(_ => random.Next(stream.Count + 1)).Order().ToList();
        cuts.Insert(0, 0);
        cuts.Add(stream.Count);
        return Enumerable.Range(0, parts).Select(p => stream[cuts[p]..cuts[p + 1]]).ToList();
    }

    private static void AssertBounds(FrequentItems counter, Dictionary<string, long> truth)
    {
        var tracked = counter.All().ToList();
        Assert.Equal(truth.Values.Sum(), counter.TotalCount);
        Assert.Equal(counter.TotalCount, tracked.Sum(item => item.Count) + counter.Other);
        Assert.True(counter.TrackedCount <= counter.Capacity, $"{counter.TrackedCount} tracked over capacity {counter.Capacity}");
        Assert.Equal(counter.MaxError == 0, counter.IsExact);
        Assert.True(
            counter.MaxError * ((counter.Capacity / 2) + 1) <= counter.Other,
            $"max error {counter.MaxError} is too large for other {counter.Other} and capacity {counter.Capacity}");
        Assert.All(tracked, item => Assert.True(truth.ContainsKey(item.Item), $"{item.Item} was never added"));
        foreach (var (item, count) in truth)
        {
            long reported = counter.GetCount(item);
            Assert.InRange(count, reported, reported + counter.MaxError);
        }
    }
}
