using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ModelMonitor.Core.Sketches;

/// <summary>
/// Sorts the non-NaN doubles of a KLL level-0 compaction with AVX2: blocks of 16 sorted by a sorting network in
/// registers, then merged pairwise four values at a time with bitonic merge networks. Sorting is the largest single
/// cost of folding numbers (every value is sorted once, in level 0), and this is about four times faster than
/// <see cref="MemoryExtensions.Sort{T}(Span{T})"/> on 256–1,000 values: the comparisons become branch-free min/max.
/// </summary>
/// <remarks>
/// Min/max cannot tell -0.0 from +0.0, so negative zeros come out as positive zeros (they compare equal, so the
/// order is right; a sketch cannot tell the difference). NaN has no place in a sort order and must not be passed.
/// Without AVX2, or for fewer than <see cref="MinVectorized"/> values, this falls back to the runtime's sort.
/// </remarks>
internal static class BitonicSort
{
    /// <summary>Below this the setup (padding, scratch) costs more than the networks save.</summary>
    internal const int MinVectorized = 32;

    private const int Block = 16;

    public static void Sort(Span<double> values)
    {
        if (values.Length < MinVectorized || !Avx2.IsSupported)
        {
            values.Sort();
            return;
        }

        SortVectorized(values);
    }

    private static void SortVectorized(Span<double> values)
    {
        int n = values.Length;
        int padded = (n + Block - 1) & ~(Block - 1);
        var scratch = ArrayPool<double>.Shared.Rent(2 * padded);
        try
        {
            var src = scratch.AsSpan(0, padded);
            var dst = scratch.AsSpan(padded, padded);
            for (int i = 0; i < n; i++)
            {
                // Adding +0.0 turns -0.0 into +0.0 and leaves every other value unchanged; see remarks.
                src[i] = values[i] + 0.0;
            }

            // +Infinity pads sort after every finite value, so the first n outputs are exactly the input's.
            src[n..].Fill(double.PositiveInfinity);
            for (int i = 0; i < padded; i += Block)
            {
                SortBlock(src.Slice(i, Block));
            }

            for (int run = Block; run < padded; run *= 2)
            {
                for (int start = 0; start < padded; start += 2 * run)
                {
                    int mid = Math.Min(start + run, padded);
                    int end = Math.Min(start + (2 * run), padded);
                    if (mid == end)
                    {
                        src[start..end].CopyTo(dst[start..]);
                    }
                    else
                    {
                        MergeRuns(src[start..mid], src[mid..end], dst[start..end]);
                    }
                }

                var swap = src;
                src = dst;
                dst = swap;
            }

            src[..n].CopyTo(values);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    // Sorts 16 values: a 5-comparator network sorts the four columns of a 4×4 tile, a transpose turns the columns
    // into sorted rows, then bitonic merges make 4+4 → 8 twice and 8+8 → 16.
    private static void SortBlock(Span<double> block)
    {
        ref double p = ref block[0];
        var v0 = Vector256.LoadUnsafe(ref p);
        var v1 = Vector256.LoadUnsafe(ref p, 4);
        var v2 = Vector256.LoadUnsafe(ref p, 8);
        var v3 = Vector256.LoadUnsafe(ref p, 12);
        CompareExchange(ref v0, ref v1);
        CompareExchange(ref v2, ref v3);
        CompareExchange(ref v0, ref v2);
        CompareExchange(ref v1, ref v3);
        CompareExchange(ref v1, ref v2);

        var t0 = Avx.UnpackLow(v0, v1);
        var t1 = Avx.UnpackHigh(v0, v1);
        var t2 = Avx.UnpackLow(v2, v3);
        var t3 = Avx.UnpackHigh(v2, v3);
        v0 = Avx.Permute2x128(t0, t2, 0x20);
        v1 = Avx.Permute2x128(t1, t3, 0x20);
        v2 = Avx.Permute2x128(t0, t2, 0x31);
        v3 = Avx.Permute2x128(t1, t3, 0x31);

        Merge4(ref v0, ref v1);
        Merge4(ref v2, ref v3);

        // 8 + 8: against the reversed second run, the element-wise minima are the lowest eight (a bitonic sequence).
        var r2 = Reverse(v3);
        var r3 = Reverse(v2);
        var low0 = Avx.Min(v0, r2);
        var high0 = Avx.Max(v0, r2);
        var low1 = Avx.Min(v1, r3);
        var high1 = Avx.Max(v1, r3);
        CompareExchange(ref low0, ref low1);
        CompareExchange(ref high0, ref high1);
        Clean4(low0).StoreUnsafe(ref p);
        Clean4(low1).StoreUnsafe(ref p, 4);
        Clean4(high0).StoreUnsafe(ref p, 8);
        Clean4(high1).StoreUnsafe(ref p, 12);
    }

    // Merges two sorted runs (lengths multiples of four) four values at a time: the carried top four are merged
    // with the next four of whichever run has the smaller head; the lower four are final.
    private static void MergeRuns(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> output)
    {
        ref double pa = ref Unsafe.AsRef(in a[0]);
        ref double pb = ref Unsafe.AsRef(in b[0]);
        ref double po = ref output[0];
        int ia = 4;
        int ib = 4;
        nuint o = 0;
        var low = Vector256.LoadUnsafe(ref pa);
        var high = Vector256.LoadUnsafe(ref pb);
        Merge4(ref low, ref high);
        low.StoreUnsafe(ref po, o);
        o += 4;
        while (ia < a.Length && ib < b.Length)
        {
            // A conditional move, not a branch: which run goes next is a coin toss on random data.
            bool fromA = Unsafe.Add(ref pa, ia) <= Unsafe.Add(ref pb, ib);
            low = fromA ? Vector256.LoadUnsafe(ref pa, (nuint)ia) : Vector256.LoadUnsafe(ref pb, (nuint)ib);
            int stepA = fromA ? 4 : 0;
            ia += stepA;
            ib += 4 - stepA;
            Merge4(ref low, ref high);
            low.StoreUnsafe(ref po, o);
            o += 4;
        }

        for (; ia < a.Length; ia += 4, o += 4)
        {
            low = Vector256.LoadUnsafe(ref pa, (nuint)ia);
            Merge4(ref low, ref high);
            low.StoreUnsafe(ref po, o);
        }

        for (; ib < b.Length; ib += 4, o += 4)
        {
            low = Vector256.LoadUnsafe(ref pb, (nuint)ib);
            Merge4(ref low, ref high);
            low.StoreUnsafe(ref po, o);
        }

        high.StoreUnsafe(ref po, o);
    }

    // Two sorted vectors in, the lowest four sorted in a and the highest four sorted in b out.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Merge4(ref Vector256<double> a, ref Vector256<double> b)
    {
        var reversed = Reverse(b);
        var low = Avx.Min(a, reversed);
        var high = Avx.Max(a, reversed);
        a = Clean4(low);
        b = Clean4(high);
    }

    // Sorts a bitonic vector: compare-exchange at distance 2, then at distance 1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Clean4(Vector256<double> x)
    {
        var swapped = Avx.Permute2x128(x, x, 0x01);
        x = Avx.Blend(Avx.Min(x, swapped), Avx.Max(x, swapped), 0b1100);
        swapped = Avx.Permute(x, 0b0101);
        return Avx.Blend(Avx.Min(x, swapped), Avx.Max(x, swapped), 0b1010);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CompareExchange(ref Vector256<double> a, ref Vector256<double> b)
    {
        var low = Avx.Min(a, b);
        b = Avx.Max(a, b);
        a = low;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Reverse(Vector256<double> v) => Avx2.Permute4x64(v, 0b00_01_10_11);
}
