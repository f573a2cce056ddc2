using FsCheck;
using FsCheck.Xunit;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Tests.Sketches;

/// <summary>
/// The vectorized level-0 sort must give exactly what <see cref="Array.Sort(Array)"/> gives, for every length (the
/// networks work on blocks of 16 and runs padded with +Infinity) and every shape of input.
/// </summary>
public class BitonicSortTests
{
    public static TheoryData<int> Lengths
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (int n in new[] { 0, 1, 2, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 100, 255, 256, 257, 456, 511, 512, 513, 1000, 4099 })
            {
                data.Add(n);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Sort_EveryLengthAndShape_MatchesArraySort(int n)
    {
        var random = new Random(n);
        var shapes = new Dictionary<string, Func<int, double>>
        {
            ["uniform"] = _ => random.NextDouble(),
            ["mixed signs and magnitudes"] = _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)),
            ["few distinct"] = _ => random.Next(3),
            ["ascending"] = i => i,
            ["descending"] = i => -i,
            ["constant"] = _ => 42.5,
            ["organ pipe"] = i => Math.Min(i, n - i),
            ["extremes"] = i => (i % 6) switch
            {
                0 => double.MaxValue,
                1 => -double.MaxValue,
                2 => double.Epsilon,
                3 => -double.Epsilon,
                4 => 2.2250738585072014E-309, // subnormal
                _ => random.NextDouble(),
            },
        };

        foreach (var (shape, next) in shapes)
        {
            var values = Enumerable.Range(0, n).Select(next).ToArray();
            var expected = (double[])values.Clone();
            Array.Sort(expected);

            BitonicSort.Sort(values);

            Assert.True(expected.AsSpan().SequenceEqual(values), $"{shape}, n={n}: {string.Join(", ", values.Take(40))}");
        }
    }

    [Fact]
    public void Sort_Infinities_SortToTheEnds()
    {
        var values = Enumerable.Range(0, 100).Select(i => (i % 10) switch
        {
            0 => double.PositiveInfinity,
            1 => double.NegativeInfinity,
            _ => i * 0.5,
        }).ToArray();
        var expected = (double[])values.Clone();
        Array.Sort(expected);

        BitonicSort.Sort(values);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void Sort_NegativeZero_ComesOutAsPositiveZeroInOrder()
    {
        var values = Enumerable.Range(0, 64).Select(i => (i % 4) switch
        {
            0 => -0.0,
            1 => 0.0,
            2 => -1.0 - i,
            _ => 1.0 + i,
        }).ToArray();

        BitonicSort.Sort(values);

        Assert.Equal(32, values.Count(v => v == 0));
        Assert.DoesNotContain(values, v => v == 0 && double.IsNegative(v));
        for (int i = 1; i < values.Length; i++)
        {
            Assert.True(values[i - 1] <= values[i], $"out of order at {i}");
        }
    }

    [Property(MaxTest = 300)]
    public void Sort_AnyFiniteValues_IsASortedPermutation(NormalFloat[] input, PositiveInt copies)
    {
        // Repeated and scaled copies reach the vectorized lengths and bring ties; +0.0 folds -0.0 as the sort does.
        var values = Enumerable.Range(0, copies.Get % 40)
            .SelectMany(copy => input.Select(v => (v.Get * (copy % 3)) + 0.0))
            .ToArray();
        var expected = (double[])values.Clone();
        Array.Sort(expected);

        BitonicSort.Sort(values);

        Assert.Equal(expected, values);
    }
}
