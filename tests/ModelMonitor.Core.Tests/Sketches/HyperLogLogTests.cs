using System.IO.Hashing;
using System.Numerics;
using System.Text;
using FsCheck.Xunit;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Tests.Sketches;

public class HyperLogLogTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    public void Constructor_PrecisionOutOfRange_Throws(int precision) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HyperLogLog(precision));

    [Fact]
    public void EmptySketch_EstimatesZero()
    {
        Assert.Equal(0.0, new HyperLogLog().Estimate());
        Assert.Equal(1.04 / 64, new HyperLogLog(12).StandardError, 12);
    }

    [Theory]
    [InlineData(12, 10)]
    [InlineData(12, 1_000)]
    [InlineData(12, 100_000)]
    [InlineData(4, 1_000)]
    [InlineData(8, 100_000)]
    [InlineData(16, 100_000)]
    public void Estimate_IsWithinThreeStandardErrors(int precision, int distinct)
    {
        var sketch = new HyperLogLog(precision);
        for (int i = 0; i < distinct; i++)
        {
            sketch.Add($"user-{i}");
        }

        double relativeError = Math.Abs(sketch.Estimate() - distinct) / distinct;

        Assert.True(
            relativeError <= 3 * sketch.StandardError,
            $"estimate {sketch.Estimate():F1} for {distinct} is off by {relativeError:P2} (3σ = {3 * sketch.StandardError:P2})");
    }

    [Fact]
    public void Duplicates_DoNotChangeTheSketch()
    {
        var sketch = new HyperLogLog();
        for (int i = 0; i < 5_000; i++)
        {
            sketch.Add($"id-{i}");
        }

        var before = sketch.ToBytes();
        double estimate = sketch.Estimate();
        for (int repeat = 0; repeat < 3; repeat++)
        {
            for (int i = 0; i < 5_000; i++)
            {
                sketch.Add($"id-{i}");
            }
        }

        Assert.Equal(before, sketch.ToBytes());
        Assert.Equal(estimate, sketch.Estimate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("churn")]
    [InlineData("héllo wörld")]
    public void Add_SetsTheRegisterOfTheXxHash64OfTheUtf16Bytes(string item)
    {
        const int precision = 10;
        var sketch = new HyperLogLog(precision);

        sketch.Add(item);

        ulong hash = XxHash64.HashToUInt64(Encoding.Unicode.GetBytes(item), seed: 0);
        int index = (int)(hash >> (64 - precision));
        int expected = BitOperations.LeadingZeroCount(hash << precision) + 1;
        var registers = sketch.ToBytes()[2..];
        Assert.Equal(expected, registers[index]);
        Assert.Equal(1, registers.Count(register => register != 0));
    }

    [Fact]
    public void Add_EmptyString_UsesSeedZero()
    {
        // Published XXH64 of empty input with seed 0.
        const ulong emptyHash = 0xEF46DB3751D8E999UL;
        var sketch = new HyperLogLog(4);

        sketch.Add(string.Empty);

        var registers = sketch.ToBytes()[2..];
        Assert.Equal(BitOperations.LeadingZeroCount(emptyHash << 4) + 1, registers[(int)(emptyHash >> 60)]);
    }

    [Property(MaxTest = 50)]
    public void Merge_EqualsTheSketchOfTheUnion_AndIsCommutativeAndAssociative(int seed)
    {
        var random = new Random(seed);
        int precision = random.Next(HyperLogLog.MinPrecision, 13);
        var a = Items(random, random.Next(0, 3_000));
        var b = Items(random, random.Next(0, 3_000));
        var c = Items(random, random.Next(0, 3_000));

        var union = Sketch(precision, a.Concat(b).Concat(c));
        var left = Sketch(precision, a);
        left.Merge(Sketch(precision, b));
        left.Merge(Sketch(precision, c));
        var bc = Sketch(precision, b);
        bc.Merge(Sketch(precision, c));
        var right = Sketch(precision, a);
        right.Merge(bc);
        var reversed = Sketch(precision, c);
        reversed.Merge(Sketch(precision, b));
        reversed.Merge(Sketch(precision, a));

        Assert.Equal(union.ToBytes(), left.ToBytes());
        Assert.Equal(union.ToBytes(), right.ToBytes());
        Assert.Equal(union.ToBytes(), reversed.ToBytes());
    }

    [Fact]
    public void Merge_DifferentPrecision_Throws()
    {
        var sketch = new HyperLogLog(12);

        Assert.Throws<ArgumentException>(() => sketch.Merge(new HyperLogLog(11)));
    }

    [Fact]
    public void Clone_IsIndependentOfTheOriginal()
    {
        var sketch = new HyperLogLog();
        sketch.Add("a");
        var clone = sketch.Clone();

        clone.Add("b");

        Assert.NotEqual(sketch.ToBytes(), clone.ToBytes());
        Assert.Equal(1.0, sketch.Estimate(), 3);
    }

    [Fact]
    public void RoundTrip_GivesTheSameSketch()
    {
        var sketch = Sketch(14, Items(new Random(1), 20_000));

        var restored = HyperLogLog.FromBytes(sketch.ToBytes());

        Assert.Equal(14, restored.Precision);
        Assert.Equal(sketch.Estimate(), restored.Estimate());
        Assert.Equal(sketch.ToBytes(), restored.ToBytes());
        Assert.Equal(2 + (1 << 14), sketch.ToBytes().Length);
    }

    public static TheoryData<string> Corruptions => ["empty", "version", "precision too small", "precision too large", "truncated", "trailing byte", "register too large"];

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void FromBytes_CorruptInput_ThrowsFormatException(string corruption)
    {
        var bytes = Sketch(6, Items(new Random(2), 100)).ToBytes();
        byte[] corrupt = corruption switch
        {
            "empty" => [],
            "version" => With(bytes, b => b[0] = 0),
            "precision too small" => With(bytes, b => b[1] = 3),
            "precision too large" => With(bytes, b => b[1] = 17),
            "truncated" => bytes[..^1],
            "trailing byte" => [.. bytes, 0],
            "register too large" => With(bytes, b => b[2] = 64 - 6 + 2),
            _ => throw new ArgumentOutOfRangeException(nameof(corruption)),
        };

        var exception = Assert.Throws<FormatException>(() => HyperLogLog.FromBytes(corrupt));
        Assert.Contains("HyperLogLog", exception.Message);
    }

    private static List<string> Items(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => $"item-{random.Next(10_000)}").ToList();

    private static HyperLogLog Sketch(int precision, IEnumerable<string> items)
    {
        var sketch = new HyperLogLog(precision);
        foreach (string item in items)
        {
            sketch.Add(item);
        }

        return sketch;
    }

    private static byte[] With(byte[] bytes, Action<byte[]> change)
    {
        var copy = (byte[])bytes.Clone();
        change(copy);
        return copy;
    }
}
