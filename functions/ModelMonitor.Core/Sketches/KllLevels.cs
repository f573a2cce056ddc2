namespace ModelMonitor.Core.Sketches;

/// <summary>
/// Level arithmetic and compaction primitives of the KLL sketch, after Apache DataSketches' KllHelper and
/// KllDoublesHelper. Items of all levels share one array: level h occupies [levels[h], levels[h+1]),
/// level 0 grows downwards into the free space [0, levels[0]), and every level above 0 is sorted.
/// </summary>
internal static class KllLevels
{
    /// <summary>Smallest capacity of any level (DataSketches' default M).</summary>
    internal const int MinLevelWidth = 8;

    /// <summary>
    /// Most levels a sketch can have: an item on level h stands for 2^h values, so with a long count and a
    /// non-empty top level there are at most 63 levels; 61 keeps every weight and weight sum far from overflow.
    /// </summary>
    internal const int MaxLevels = 61;

    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    // 3^0 .. 3^30; 2k * 2^30 still fits in a long for k up to 65535.
    private static readonly long[] PowersOfThree = BuildPowersOfThree();

    /// <summary>Capacity of level <paramref name="height"/>: k·(2/3)^depth, depth counted from the top level, at least 8.</summary>
    internal static int LevelCapacity(int k, int numLevels, int height)
    {
        int depth = numLevels - height - 1;
        return Math.Max(MinLevelWidth, IntCapAux(k, depth));
    }

    /// <summary>Sum of the level capacities: the length of the items array for this many levels.</summary>
    internal static int TotalCapacity(int k, int numLevels)
    {
        int total = 0;
        for (int h = 0; h < numLevels; h++)
        {
            total += LevelCapacity(k, numLevels, h);
        }

        return total;
    }

    /// <summary>Upper bound on the number of levels a sketch of <paramref name="n"/> values can need: 1 + floor(log2 n).</summary>
    internal static int UpperBoundOnNumLevels(long n) => n <= 1 ? 1 : 64 - (int)long.LeadingZeroCount(n);

    /// <summary>
    /// The compaction coin: 0 keeps the items at even offsets, 1 those at odd offsets. The generator is
    /// SplitMix64 whose state lives in the sketch (so the sketch is a pure function of its input). One retained
    /// value is folded into the state so that sketches of different data, which all start from the same seed,
    /// do not flip identical coin sequences; merged parts would otherwise make partly correlated errors (measured:
    /// about 25% larger rank error when merging 8,000 windows of 250 values).
    /// </summary>
    internal static int NextCoin(ref ulong state, double mixIn)
    {
        state = (state ^ (ulong)BitConverter.DoubleToInt64Bits(mixIn)) + Golden;
        return (int)(Mix(state) >> 63);
    }

    /// <summary>SplitMix64 finalizer: a bijective avalanche of 64 bits.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Keeps every other item of the sorted run [start, start+length) in its lower half.</summary>
    internal static void HalveDown(double[] buf, int start, int length, int offset)
    {
        int half = length / 2;
        int j = start + offset;
        for (int i = start; i < start + half; i++)
        {
            buf[i] = buf[j];
            j += 2;
        }
    }

    /// <summary>Keeps every other item of the sorted run [start, start+length) in its upper half.</summary>
    internal static void HalveUp(double[] buf, int start, int length, int offset)
    {
        int half = length / 2;
        int j = start + length - 1 - offset;
        for (int i = start + length - 1; i >= start + half; i--)
        {
            buf[i] = buf[j];
            j -= 2;
        }
    }

    /// <summary>
    /// Merges two sorted runs into <paramref name="dst"/>. Safe in place when the destination starts at or after
    /// the end of run A and at or before the start of run B, as in a compaction that merges into the level above.
    /// </summary>
    internal static void MergeSorted(double[] bufA, int startA, int lenA, double[] bufB, int startB, int lenB, double[] dst, int startDst)
    {
        int limA = startA + lenA;
        int limB = startB + lenB;
        int a = startA;
        int b = startB;
        int d = startDst;
        while (a < limA && b < limB)
        {
            dst[d++] = bufB[b] < bufA[a] ? bufB[b++] : bufA[a++];
        }

        while (a < limA)
        {
            dst[d++] = bufA[a++];
        }

        while (b < limB)
        {
            dst[d++] = bufB[b++];
        }
    }

    /// <summary>
    /// Compacts levels bottom-up until the items fit the capacity for the resulting number of levels
    /// (DataSketches' generalCompress). <paramref name="buf"/> is input and output; <paramref name="inLevels"/>
    /// and <paramref name="outLevels"/> need room for the final number of levels plus two.
    /// </summary>
    internal static (int NumLevels, int TargetItemCount, int CurrentItemCount) GeneralCompress(
        int k, int numLevelsIn, double[] buf, int[] inLevels, int[] outLevels, ref ulong rngState)
    {
        int numLevels = numLevelsIn;
        int currentItemCount = inLevels[numLevels] - inLevels[0];
        int targetItemCount = TotalCapacity(k, numLevels);
        outLevels[0] = 0;
        int curLevel = -1;
        bool done = false;
        while (!done)
        {
            curLevel++;

            // At the current top, add an empty level above it for convenience; numLevels grows only if we compact.
            if (curLevel == numLevels - 1)
            {
                inLevels[curLevel + 2] = inLevels[curLevel + 1];
            }

            int rawBeg = inLevels[curLevel];
            int rawLim = inLevels[curLevel + 1];
            int rawPop = rawLim - rawBeg;

            if (currentItemCount < targetItemCount || rawPop < LevelCapacity(k, numLevels, curLevel))
            {
                // Copy the level as is; output never lies above input, so the overlapping copy is safe.
                Array.Copy(buf, rawBeg, buf, outLevels[curLevel], rawPop);
                outLevels[curLevel + 1] = outLevels[curLevel] + rawPop;
            }
            else
            {
                int popAbove = inLevels[curLevel + 2] - rawLim;
                bool oddPop = (rawPop & 1) == 1;
                int adjBeg = oddPop ? rawBeg + 1 : rawBeg;
                int adjPop = oddPop ? rawPop - 1 : rawPop;
                int halfAdjPop = adjPop / 2;

                if (oddPop)
                {
                    buf[outLevels[curLevel]] = buf[rawBeg];
                    outLevels[curLevel + 1] = outLevels[curLevel] + 1;
                }
                else
                {
                    outLevels[curLevel + 1] = outLevels[curLevel];
                }

                if (curLevel == 0)
                {
                    BitonicSort.Sort(buf.AsSpan(adjBeg, adjPop));
                }

                int coin = NextCoin(ref rngState, buf[adjBeg]);
                if (popAbove == 0)
                {
                    HalveUp(buf, adjBeg, adjPop, coin);
                }
                else
                {
                    HalveDown(buf, adjBeg, adjPop, coin);
                    MergeSorted(buf, adjBeg, halfAdjPop, buf, rawLim, popAbove, buf, adjBeg + halfAdjPop);
                }

                currentItemCount -= halfAdjPop;
                inLevels[curLevel + 1] -= halfAdjPop;

                // Compacting the old top created a new top level; the capacity grows by a new bottom level's worth.
                if (curLevel == numLevels - 1)
                {
                    numLevels++;
                    targetItemCount += LevelCapacity(k, numLevels, 0);
                }
            }

            if (curLevel == numLevels - 1)
            {
                done = true;
            }
        }

        return (numLevels, targetItemCount, currentItemCount);
    }

    // k·(2/3)^depth rounded, in integer arithmetic so every platform computes identical capacities.
    private static int IntCapAux(int k, int depth)
    {
        if (depth <= 30)
        {
            return IntCapAuxAux(k, depth);
        }

        int half = depth / 2;
        int rest = depth - half;
        return IntCapAuxAux(IntCapAuxAux(k, half), rest);
    }

    private static int IntCapAuxAux(long k, int depth)
    {
        long twok = k << 1;
        long tmp = (twok << depth) / PowersOfThree[depth];
        return (int)((tmp + 1) >> 1);
    }

    private static long[] BuildPowersOfThree()
    {
        var powers = new long[31];
        powers[0] = 1;
        for (int i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 3;
        }

        return powers;
    }
}
