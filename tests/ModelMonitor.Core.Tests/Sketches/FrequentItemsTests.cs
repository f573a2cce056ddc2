using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Tests.Sketches;

public class FrequentItemsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(FrequentItems.MaxCapacity + 1)]
    public void Constructor_CapacityOutOfRange_Throws(int capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FrequentItems(capacity));

    [Fact]
    public void Add_AtMostCapacityDistinctItems_CountsExactly()
    {
        var counter = new FrequentItems(capacity: 3);

        counter.Add("red");
        counter.Add("green", 5);
        counter.Add("red".AsSpan());
        counter.Add("blue", 2);
        counter.Add("green".AsSpan(), 2);

        Assert.True(counter.IsExact);
        Assert.Equal(0, counter.MaxError);
        Assert.Equal(11, counter.TotalCount);
        Assert.Equal(0, counter.Other);
        Assert.Equal(3, counter.TrackedCount);
        Assert.Equal(2, counter.GetCount("red"));
        Assert.Equal(7, counter.GetCount("green"));
        Assert.Equal(0, counter.GetCount("purple"));
    }

    [Fact]
    public void Add_OneMoreDistinctItemThanCapacity_BecomesApproximateWithinBounds()
    {
        var counter = new FrequentItems(capacity: 4);
        counter.Add("a", 10);
        counter.Add("b", 8);
        counter.Add("c", 3);
        counter.Add("d", 2);

        counter.Add("e", 1);

        // Median of {10, 8, 3, 2, 1} is 3: subtracted from all, c, d and e drop out.
        Assert.False(counter.IsExact);
        Assert.Equal(3, counter.MaxError);
        Assert.Equal([new("a", 7), new("b", 5)], counter.Top(10));
        Assert.Equal(24, counter.TotalCount);
        Assert.Equal(12, counter.Other);
    }

    [Fact]
    public void EmptyString_IsAValidCategory_AndSpanAndStringAddsAgree()
    {
        var counter = new FrequentItems();

        counter.Add(string.Empty);
        counter.Add(ReadOnlySpan<char>.Empty, 2);

        Assert.Equal(3, counter.GetCount(string.Empty));
        Assert.Equal(1, counter.TrackedCount);
    }

    [Fact]
    public void NullItem_Throws()
    {
        var counter = new FrequentItems();

        Assert.Throws<ArgumentNullException>(() => counter.Add((string)null!));
        Assert.Throws<ArgumentNullException>(() => counter.GetCount(null!));
        Assert.Throws<ArgumentNullException>(() => counter.Merge(null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Add_NonPositiveWeight_Throws(long weight)
    {
        var counter = new FrequentItems();

        Assert.Throws<ArgumentOutOfRangeException>(() => counter.Add("a", weight));
        Assert.Throws<ArgumentOutOfRangeException>(() => counter.Add("a".AsSpan(), weight));
        Assert.Equal(0, counter.TotalCount);
    }

    [Fact]
    public void Top_OrdersByCountDescendingThenOrdinalItem()
    {
        var counter = new FrequentItems();
        counter.Add("b", 2);
        counter.Add("a", 2);
        counter.Add("z", 5);
        counter.Add("C", 2);   // 'C' (0x43) sorts before 'a' (0x61) ordinally
        counter.Add("é", 1);

        Assert.Equal([new("z", 5), new("C", 2), new("a", 2)], counter.Top(3));
        Assert.Equal(5, counter.Top(100).Count);
        Assert.Empty(counter.Top(0));
        Assert.Equal(counter.Top(5), counter.All());
        Assert.Throws<ArgumentOutOfRangeException>(() => counter.Top(-1));
    }

    [Fact]
    public void AddSpan_ForTrackedItems_DoesNotAllocate()
    {
        var counter = new FrequentItems(capacity: 8);
        char[] buffer = "alpha,beta,gamma".ToCharArray();
        var line = new ReadOnlyMemory<char>(buffer);
        void AddAll()
        {
            counter.Add(line.Span[..5]);
            counter.Add(line.Span[6..10]);
            counter.Add(line.Span[11..]);
        }

        AddAll();
        AddAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            AddAll();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(10_002, counter.GetCount("gamma"));
    }

    [Fact]
    public void Purges_DoNotAllocateBeyondTheNewItemStrings()
    {
        var counter = new FrequentItems(capacity: 64);
        var items = Enumerable.Range(0, 5_000).Select(i => $"item-{i}").ToArray();
        foreach (string item in items)
        {
            counter.Add(item);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (string item in items)
        {
            counter.Add(item);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Thousands of purges over already-existing strings: the scratch arrays are reused.
        Assert.False(counter.IsExact);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Clone_IsIndependentOfTheOriginal()
    {
        var counter = new FrequentItems(capacity: 2);
        counter.Add("a", 3);
        counter.Add("b");
        var clone = counter.Clone();

        clone.Add("c");
        clone.Add("a");

        Assert.Equal([new("a", 3), new("b", 1)], counter.All());
        Assert.Equal(4, counter.TotalCount);
        Assert.Equal(6, clone.TotalCount);
        Assert.False(clone.IsExact);
    }

    [Fact]
    public void Merge_Itself_DoublesEveryCount()
    {
        var counter = new FrequentItems();
        counter.Add("a", 3);
        counter.Add("b");

        counter.Merge(counter);

        Assert.Equal([new("a", 6), new("b", 2)], counter.All());
        Assert.Equal(8, counter.TotalCount);
    }

    [Fact]
    public void Restore_FromSerializedParts_BehavesLikeTheOriginal()
    {
        var original = new FrequentItems(capacity: 16);
        var random = new Random(5);
        for (int i = 0; i < 5_000; i++)
        {
            original.Add($"v{(int)(200 * Math.Pow(random.NextDouble(), 3))}");
        }

        var restored = FrequentItems.Restore(original.Capacity, original.TotalCount, original.MaxError, original.All().ToList());

        Assert.Equal(original.All(), restored.All());
        Assert.Equal(original.Other, restored.Other);
        Assert.Equal(original.MaxError, restored.MaxError);
        for (int i = 0; i < 1_000; i++)
        {
            string item = $"v{random.Next(300)}";
            original.Add(item);
            restored.Add(item);
        }

        Assert.Equal(original.All(), restored.All());
        Assert.Equal(original.MaxError, restored.MaxError);
    }

    public static TheoryData<string> InvalidRestores =>
        ["negative total", "negative error", "null item", "zero count", "duplicate", "over capacity", "over total", "exact but short"];

    [Theory]
    [MemberData(nameof(InvalidRestores))]
    public void Restore_InconsistentParts_Throws(string problem)
    {
        ItemCount[] items = [new("a", 5), new("b", 3)];
        Action restore = problem switch
        {
            "negative total" => () => FrequentItems.Restore(4, -1, 0, []),
            "negative error" => () => FrequentItems.Restore(4, 8, -1, items),
            "null item" => () => FrequentItems.Restore(4, 8, 0, [new(null!, 8)]),
            "zero count" => () => FrequentItems.Restore(4, 8, 0, [new("a", 8), new("b", 0)]),
            "duplicate" => () => FrequentItems.Restore(4, 10, 0, [new("a", 5), new("a", 5)]),
            "over capacity" => () => FrequentItems.Restore(1, 8, 0, items),
            "over total" => () => FrequentItems.Restore(4, 7, 1, items),
            "exact but short" => () => FrequentItems.Restore(4, 9, 0, items),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        Assert.Throws<ArgumentException>(restore);
    }
}
