using System.Buffers.Binary;
using FsCheck.Xunit;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Tests.Sketches;

public class KllSketchSerializationTests
{
    [Fact]
    public void SameSequenceOfUpdatesAndMerges_GivesByteIdenticalSketches()
    {
        static KllSketch Build()
        {
            var sketch = new KllSketch(32);
            var other = new KllSketch(32);
            foreach (double value in SketchData.LogNormal(30_000, seed: 31))
            {
                sketch.Update(value);
            }

            foreach (double value in SketchData.Normal(20_000, seed: 32))
            {
                other.Update(value);
            }

            sketch.Merge(other);
            sketch.Update(-1.0);
            return sketch;
        }

        Assert.Equal(Build().ToBytes(), Build().ToBytes());
    }

    [Fact]
    public void DifferentData_FlipsDifferentCoins()
    {
        // The coin generator folds in the data, so sketches of different columns do not share a coin sequence.
        var a = new KllSketch(8);
        var b = new KllSketch(8);
        foreach (double value in SketchData.Uniform(1_000, seed: 1))
        {
            a.Update(value);
        }

        foreach (double value in SketchData.Uniform(1_000, seed: 2))
        {
            b.Update(value);
        }

        Assert.NotEqual(RngState(a.ToBytes()), RngState(b.ToBytes()));
    }

    [Fact]
    public void EmptySketch_RoundTrips()
    {
        var bytes = new KllSketch(64).ToBytes();

        var restored = KllSketch.FromBytes(bytes);

        Assert.True(restored.IsEmpty);
        Assert.Equal(64, restored.K);
        Assert.True(double.IsNaN(restored.Min));
        Assert.Equal(bytes, restored.ToBytes());
    }

    [Property(MaxTest = 30)]
    public void RoundTrip_GivesIdenticalAnswersAndFurtherBehaviour(int seed, byte kind)
    {
        var random = new Random(seed);
        var sketch = new KllSketch(random.Next(8, 100));
        foreach (double value in SketchData.OfKind(kind, random.Next(0, 20_000), seed))
        {
            sketch.Update(value);
        }

        var restored = KllSketch.FromBytes(sketch.ToBytes());

        Assert.Equal(sketch.ToBytes(), restored.ToBytes());
        Assert.Equal(sketch.Count, restored.Count);
        Assert.Equal(sketch.RetainedCount, restored.RetainedCount);
        Assert.Equal(sketch.GetSortedView(), restored.GetSortedView());
        for (int i = 0; i <= 10; i++)
        {
            Assert.Equal(sketch.GetQuantile(i / 10.0), restored.GetQuantile(i / 10.0));
        }

        // Further updates and merges must evolve both identically: the coin state came along.
        var more = SketchData.Uniform(5_000, seed + 1);
        var extra = new KllSketch(sketch.K);
        foreach (double value in SketchData.Normal(3_000, seed + 2))
        {
            extra.Update(value);
        }

        foreach (var target in new[] { sketch, restored })
        {
            foreach (double value in more)
            {
                target.Update(value);
            }

            target.Merge(extra);
        }

        Assert.Equal(sketch.ToBytes(), restored.ToBytes());
    }

    [Fact]
    public void ToBytes_Layout_IsVersionedLittleEndian()
    {
        var sketch = new KllSketch(200);
        sketch.Update(2.5);
        sketch.Update(-1.0);

        var bytes = sketch.ToBytes();

        Assert.Equal(1, bytes[0]);                                                    // version
        Assert.Equal(1, bytes[1]);                                                    // levels
        Assert.Equal(200, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2)));  // K
        Assert.Equal(2, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(4)));     // count
        Assert.Equal(-1.0, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(12))); // min
        Assert.Equal(2.5, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(20)));  // max
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(36)));    // level 0 size
        Assert.Equal(36 + 4 + 16, bytes.Length);
    }

    public static TheoryData<string> Corruptions =>
    [
        "empty", "truncated header", "version", "K too small", "zero levels", "too many levels", "negative count",
        "count mismatch", "truncated items", "trailing byte", "NaN item", "item above max", "min above max",
        "unsorted level", "negative level size", "empty with min",
    ];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void FromBytes_CorruptInput_ThrowsFormatException(string corruption)
    {
        var sketch = new KllSketch(8);
        for (int i = 0; i < 200; i++)
        {
            sketch.Update(i);
        }

        var bytes = sketch.ToBytes();
        Assert.True(bytes[1] >= 2, "the sample has compacted into several levels");
        int levels = bytes[1];
        int itemsOffset = 36 + (4 * levels);
        int level0Size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(36));
        int firstUpperItem = itemsOffset + (8 * level0Size);
        Assert.True(BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(40)) >= 2, "level 1 has two items to swap");
        byte[] corrupt = corruption switch
        {
            "empty" => [],
            "truncated header" => bytes[..20],
            "version" => With(bytes, b => b[0] = 2),
            "K too small" => With(bytes, b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), 7)),
            "zero levels" => With(bytes, b => b[1] = 0),
            "too many levels" => With(bytes, b => b[1] = 62),
            "negative count" => With(bytes, b => BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(4), -1)),
            "count mismatch" => With(bytes, b => BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(4), 201)),
            "truncated items" => bytes[..^8],
            "trailing byte" => [.. bytes, 0],
            "NaN item" => With(bytes, b => BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(itemsOffset), double.NaN)),
            "item above max" => With(bytes, b => BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(itemsOffset), 1000.0)),
            "min above max" => With(bytes, b => BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(12), 1000.0)),
            "unsorted level" => With(bytes, b => SwapItems(b, firstUpperItem, firstUpperItem + 8)),
            "negative level size" => With(bytes, b => BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(36), -1)),
            "empty with min" => With(new KllSketch(8).ToBytes(), b => BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(12), 0.0)),
            _ => throw new ArgumentOutOfRangeException(nameof(corruption)),
        };

        var exception = Assert.Throws<FormatException>(() => KllSketch.FromBytes(corrupt));
        Assert.Contains("KLL", exception.Message);
    }

    [Property(MaxTest = 200)]
    public void FromBytes_RandomByteDamage_EitherThrowsFormatExceptionOrGivesAConsistentSketch(int seed)
    {
        var random = new Random(seed);
        var sketch = new KllSketch(8);
        foreach (double value in SketchData.Uniform(random.Next(1, 500), seed))
        {
            sketch.Update(value);
        }

        var bytes = sketch.ToBytes();
        for (int i = random.Next(1, 4); i > 0; i--)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }

        KllSketch restored;
        try
        {
            restored = KllSketch.FromBytes(bytes);
        }
        catch (FormatException)
        {
            return;
        }

        // Accepted damage (a changed coin state, an item moved within its level) must leave a usable sketch.
        Assert.Equal(restored.Count, restored.GetSortedView().Sum(entry => entry.Weight));
        Assert.InRange(restored.GetQuantile(0.5), restored.Min, restored.Max);
        // K itself may have been changed to another valid value, so merge a sketch of the same K.
        var other = new KllSketch(restored.K);
        foreach (double value in SketchData.Normal(300, seed))
        {
            other.Update(value);
        }

        long countBefore = restored.Count;
        restored.Merge(other);
        restored.Update(0.5);
        Assert.Equal(countBefore + other.Count + 1, restored.Count);
        Assert.Equal(restored.Count, restored.GetSortedView().Sum(entry => entry.Weight));
    }

    private static byte[] With(byte[] bytes, Action<byte[]> change)
    {
        var copy = (byte[])bytes.Clone();
        change(copy);
        return copy;
    }

    private static void SwapItems(byte[] bytes, int first, int second)
    {
        var span = bytes.AsSpan();
        ulong a = BinaryPrimitives.ReadUInt64LittleEndian(span[first..]);
        ulong b = BinaryPrimitives.ReadUInt64LittleEndian(span[second..]);
        Assert.NotEqual(a, b);
        BinaryPrimitives.WriteUInt64LittleEndian(span[first..], b);
        BinaryPrimitives.WriteUInt64LittleEndian(span[second..], a);
    }

    private static ulong RngState(byte[] bytes) => BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(28));
}
