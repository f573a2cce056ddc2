using System.Buffers;
using System.Diagnostics;

namespace ModelMonitor.Core.Sketches;

/// <summary>
/// Mergeable quantile sketch (KLL, Karnin–Lang–Liberty 2016) over doubles with bounded memory.
/// API contract used by window summaries; NaN and infinities are never passed in (callers count them separately).
/// </summary>
/// <remarks>
/// <para>
/// The layout and compaction follow Apache DataSketches' KLL: level h holds items of weight 2^h, its capacity is
/// K·(2/3)^depth (depth counted from the top level, at least 8), and when the items array is full the lowest
/// level at or over its capacity is sorted and every other item, odd or even by a coin flip, moves up a level.
/// </para>
/// <para>
/// The sketch is a pure function of the sequence of updates and merges applied to it: the coin comes from a
/// generator whose state is part of the sketch and of its binary form, so re-ingesting the same data gives a
/// byte-identical sketch. Not thread-safe; readers may share a sketch that no longer changes.
/// </para>
/// </remarks>
public sealed partial class KllSketch
{
    /// <summary>Default accuracy parameter. See <see cref="NormalizedRankError"/>.</summary>
    public const int DefaultK = 200;

    /// <summary>Smallest accepted K (DataSketches' minimum).</summary>
    public const int MinK = 8;

    /// <summary>Largest accepted K (DataSketches' maximum; K is stored in 16 bits).</summary>
    public const int MaxK = ushort.MaxValue;

    private const ulong InitialRngState = 0x5DEECE66DUL;

    private readonly int _k;

    // Items of all levels; level h is [_levels[h], _levels[h+1]) and _levels[_numLevels] == _items.Length,
    // which is always KllLevels.TotalCapacity(_k, _numLevels). Level 0 grows downwards into [0, _levels[0]).
    private double[] _items;
    private int[] _levels;
    private int _numLevels;
    private long _count;

    // ±∞ while empty so that Update needs no emptiness branch; the properties report NaN then.
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private ulong _rngState = InitialRngState;

    // Built on the first query after a change; dropped by every change.
    private KllSortedView? _view;

    /// <summary>Creates an empty sketch.</summary>
    /// <param name="k">Accuracy parameter in [<see cref="MinK"/>, <see cref="MaxK"/>]; larger is more accurate and bigger.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is outside the accepted range.</exception>
    public KllSketch(int k = DefaultK)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, MinK);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, MaxK);
        _k = k;
        _numLevels = 1;
        _items = new double[k];
        _levels = [k, k];
    }

    private KllSketch(int k, int numLevels, int[] levels, double[] items, long count, double min, double max, ulong rngState)
    {
        _k = k;
        _numLevels = numLevels;
        _levels = levels;
        _items = items;
        _count = count;
        _min = min;
        _max = max;
        _rngState = rngState;
    }

    public int K => _k;

    /// <summary>Number of values represented (exact).</summary>
    public long Count => _count;

    public bool IsEmpty => Count == 0;

    /// <summary>Exact minimum, NaN when empty.</summary>
    public double Min => _count == 0 ? double.NaN : _min;

    /// <summary>Exact maximum, NaN when empty.</summary>
    public double Max => _count == 0 ? double.NaN : _max;

    /// <summary>True while the sketch has never compacted: it holds every value, and its sorted view is the data.</summary>
    public bool IsExact => _numLevels == 1;

    /// <summary>Items currently retained (memory is O(K log(Count/K)) at most).</summary>
    public int RetainedCount => _levels[_numLevels] - _levels[0];

    /// <summary>Documented bound on the rank error of any single query, at 99% confidence, for this K.</summary>
    /// <value>
    /// DataSketches' empirical fit for the single-sided rank error (GetRank and GetQuantile), 2.296 / K^0.9723:
    /// about 0.0133 for K = 200. The double-sided (PMF) error of a difference of two ranks is larger, 2.446 / K^0.9433.
    /// </value>
    public double NormalizedRankError => 2.296 / Math.Pow(_k, 0.9723);

    /// <summary>Adds one value. Amortized O(1) and allocation-free except when the sketch gains a level.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public void Update(double value)
    {
        if (!double.IsFinite(value))
        {
            ThrowNotFinite(value);
        }

        if (_levels[0] == 0)
        {
            CompressWhileUpdating();
        }

        _items[--_levels[0]] = value;
        _count++;
        if (value < _min)
        {
            _min = value;
        }

        if (value > _max)
        {
            _max = value;
        }

        _view = null;
    }

    /// <summary>
    /// Adds every value of <paramref name="values"/>, which this call reorders (it is used as scratch space).
    /// Cheaper per value than <see cref="Update(double)"/> for batches of a hundred or more: the batch joins level 0
    /// and is compacted with it in one pass (one sort instead of many small ones). The sketch it gives differs from
    /// one-at-a-time updates but has the same guarantees, and is still a pure function of the calls made.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite (the sketch is then unchanged).</exception>
    public void Update(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        double min = _min;
        double max = _max;
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                ThrowNotFinite(value);
            }

            min = value < min ? value : min;
            max = value > max ? value : max;
        }

        _min = min;
        _max = max;
        _count += values.Length;
        _view = null;
        if (values.Length <= _levels[0])
        {
            // Room at the bottom: level 0 is unsorted, so the batch simply joins it.
            values.CopyTo(_items.AsSpan(_levels[0] - values.Length));
            _levels[0] -= values.Length;
            return;
        }

        CompactWithLevelZero(values);
        AssertInvariants();
    }

    /// <summary>
    /// Adds every value represented by <paramref name="other"/> (which is left unchanged). Merging an empty sketch is a
    /// no-op; merging into an empty sketch makes this an exact copy of <paramref name="other"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The sketches have different <see cref="K"/>: their accuracy would differ, so
    /// rather than silently degrade to the smaller K (as DataSketches does), the caller must choose.</exception>
    public void Merge(KllSketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._k != _k)
        {
            throw new ArgumentException($"Cannot merge a KLL sketch with K={other._k} into one with K={_k}.", nameof(other));
        }

        if (other._count == 0)
        {
            return;
        }

        if (ReferenceEquals(other, this))
        {
            other = other.Clone();
        }

        if (_count == 0)
        {
            CopyFrom(other);
            return;
        }

        long finalCount = _count + other._count;
        // Comparisons, as in Update, rather than Math.Min/Max, which would prefer -0.0 over an earlier 0.0.
        double finalMin = other._min < _min ? other._min : _min;
        double finalMax = other._max > _max ? other._max : _max;

        // Make the merged sketch's future coins depend on both histories.
        _rngState = KllLevels.Mix(_rngState ^ (other._rngState * 0x9E3779B97F4A7C15UL));

        // Level-0 items of the other sketch have weight 1: add them as updates.
        for (int i = other._levels[0]; i < other._levels[1]; i++)
        {
            if (_levels[0] == 0)
            {
                CompressWhileUpdating();
            }

            _items[--_levels[0]] = other._items[i];
        }

        if (other._numLevels > 1)
        {
            MergeHigherLevels(other, finalCount);
        }

        _count = finalCount;
        _min = finalMin;
        _max = finalMax;
        _view = null;
        AssertInvariants();
    }

    /// <summary>Approximate value at normalized rank <paramref name="rank"/> in [0,1]; NaN when empty.</summary>
    /// <remarks>
    /// Returns the smallest retained value whose sketched rank (fraction of weight ≤ it) is at least
    /// <paramref name="rank"/>, so GetRank(GetQuantile(r)) ≥ r. Rank 0 gives <see cref="Min"/> and rank 1 gives
    /// <see cref="Max"/>, both exact.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is NaN or outside [0,1].</exception>
    public double GetQuantile(double rank)
    {
        if (!(rank >= 0.0 && rank <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, "Rank must be in [0, 1].");
        }

        if (_count == 0)
        {
            return double.NaN;
        }

        if (rank == 0.0)
        {
            return _min;
        }

        if (rank == 1.0)
        {
            return _max;
        }

        // rank·n can land just above an integer through rounding (0.7·10 = 7.000000000000001); snap it back
        // so that the quantile of an exact rank is the item at that rank, not the next one.
        double natural = rank * _count;
        double nearest = Math.Round(natural);
        if (Math.Abs(natural - nearest) <= 1e-9 * Math.Max(1.0, natural))
        {
            natural = nearest;
        }

        long target = Math.Max(1L, (long)Math.Ceiling(natural));
        double value = EnsureView().ValueAtCumulativeWeight(target);
        return Math.Clamp(value, _min, _max);
    }

    /// <summary>Approximate fraction of values ≤ <paramref name="value"/>.</summary>
    /// <returns>A fraction in [0,1]; NaN when the sketch is empty (no fraction exists) or <paramref name="value"/> is NaN.</returns>
    public double GetRank(double value)
    {
        if (_count == 0 || double.IsNaN(value))
        {
            return double.NaN;
        }

        return (double)EnsureView().WeightAtOrBelow(value) / _count;
    }

    /// <summary>Retained items sorted ascending with their weights (weights sum to Count): the sketch's CDF.</summary>
    /// <remarks>Equal values are combined into one entry, so values are strictly increasing. Empty when the sketch is.</remarks>
    public IReadOnlyList<WeightedValue> GetSortedView() => EnsureView().Entries;

    public KllSketch Clone() =>
        new(_k, _numLevels, (int[])_levels.Clone(), (double[])_items.Clone(), _count, _min, _max, _rngState) { _view = _view };

    private static void ThrowNotFinite(double value) =>
        throw new ArgumentOutOfRangeException(nameof(value), value, "KLL sketches accept finite values only; count NaN and infinities separately.");

    private KllSortedView EnsureView() => _view ??= KllSortedView.Build(_items, _levels, _numLevels);

    private void CopyFrom(KllSketch other)
    {
        _numLevels = other._numLevels;
        _levels = (int[])other._levels.Clone();
        _items = (double[])other._items.Clone();
        _count = other._count;
        _min = other._min;
        _max = other._max;
        _rngState = other._rngState;
        _view = other._view;
    }

    // Makes room for one item at the bottom when the items array is full (DataSketches' compressWhileUpdatingSketch).
    private void CompressWhileUpdating()
    {
        int level = FindLevelToCompact();
        if (level == _numLevels - 1)
        {
            AddEmptyTopLevel();
        }

        int rawBeg = _levels[level];
        int rawEnd = _levels[level + 1];
        int popAbove = _levels[level + 2] - rawEnd;
        int rawPop = rawEnd - rawBeg;
        bool oddPop = (rawPop & 1) == 1;
        int adjBeg = oddPop ? rawBeg + 1 : rawBeg;
        int adjPop = oddPop ? rawPop - 1 : rawPop;
        int halfAdjPop = adjPop / 2;

        // Levels above 0 are kept sorted; level 0 is sorted only when it is compacted.
        if (level == 0)
        {
            BitonicSort.Sort(_items.AsSpan(adjBeg, adjPop));
        }

        int coin = KllLevels.NextCoin(ref _rngState, _items[adjBeg]);
        if (popAbove == 0)
        {
            KllLevels.HalveUp(_items, adjBeg, adjPop, coin);
        }
        else
        {
            KllLevels.HalveDown(_items, adjBeg, adjPop, coin);
            KllLevels.MergeSorted(_items, adjBeg, halfAdjPop, _items, rawEnd, popAbove, _items, adjBeg + halfAdjPop);
        }

        _levels[level + 1] -= halfAdjPop;

        // An odd item out stays on this level, just below the level above.
        if (oddPop)
        {
            _levels[level] = _levels[level + 1] - 1;
            _items[_levels[level]] = _items[rawBeg];
        }
        else
        {
            _levels[level] = _levels[level + 1];
        }

        // Shift the levels below up by the space just freed, so that all free space is again at the bottom.
        if (level > 0)
        {
            int amount = rawBeg - _levels[0];
            Array.Copy(_items, _levels[0], _items, _levels[0] + halfAdjPop, amount);
            for (int lvl = 0; lvl < level; lvl++)
            {
                _levels[lvl] += halfAdjPop;
            }
        }
    }

    private int FindLevelToCompact()
    {
        for (int level = 0; ; level++)
        {
            Debug.Assert(level < _numLevels, "A full sketch has a level at or over capacity.");
            int pop = _levels[level + 1] - _levels[level];
            if (pop >= KllLevels.LevelCapacity(_k, _numLevels, level))
            {
                return level;
            }
        }
    }

    // Called only when the items array is full (_levels[0] == 0); the one allocation of the update path.
    private void AddEmptyTopLevel()
    {
        Debug.Assert(_levels[0] == 0, "Only a full sketch gains a level.");
        int curTotalCap = _levels[_numLevels];
        int deltaCap = KllLevels.LevelCapacity(_k, _numLevels + 1, 0);
        var newItems = new double[curTotalCap + deltaCap];
        Array.Copy(_items, 0, newItems, deltaCap, curTotalCap);

        var newLevels = new int[_numLevels + 2];
        for (int i = 0; i <= _numLevels; i++)
        {
            newLevels[i] = _levels[i] + deltaCap;
        }

        newLevels[_numLevels + 1] = newLevels[_numLevels];
        _numLevels++;
        _levels = newLevels;
        _items = newItems;
    }

    // DataSketches' merge of levels 1 and up: concatenate level by level (merging sorted runs), then compact.
    private void MergeHigherLevels(KllSketch other, long finalCount)
    {
        int provisionalNumLevels = Math.Max(_numLevels, other._numLevels);
        int otherAboveZero = other._levels[other._numLevels] - other._levels[1];
        var work = new double[RetainedCount + otherAboveZero];
        int levelSlots = Math.Max(KllLevels.UpperBoundOnNumLevels(finalCount), provisionalNumLevels) + 3;
        var workLevels = new int[levelSlots];
        var outLevels = new int[levelSlots];

        int selfPop0 = _levels[1] - _levels[0];
        Array.Copy(_items, _levels[0], work, 0, selfPop0);
        workLevels[1] = selfPop0;
        for (int lvl = 1; lvl < provisionalNumLevels; lvl++)
        {
            int selfPop = LevelSize(lvl);
            int otherPop = other.LevelSize(lvl);
            int dst = workLevels[lvl];
            workLevels[lvl + 1] = dst + selfPop + otherPop;
            int selfBeg = selfPop > 0 ? _levels[lvl] : 0;
            int otherBeg = otherPop > 0 ? other._levels[lvl] : 0;
            KllLevels.MergeSorted(_items, selfBeg, selfPop, other._items, otherBeg, otherPop, work, dst);
        }

        CompressAndInstall(provisionalNumLevels, work, workLevels, outLevels);
    }

    // Compacts the levels laid out in work/workLevels until they fit, and makes the result this sketch's items.
    private void CompressAndInstall(int numLevelsIn, double[] work, int[] workLevels, int[] outLevels)
    {
        var (numLevels, target, current) = KllLevels.GeneralCompress(_k, numLevelsIn, work, workLevels, outLevels, ref _rngState);

        // One pass leaves more items than capacity only if adding levels shrank the capacity of levels it had
        // already passed; another pass over the (now smaller) input compacts those.
        while (current > target)
        {
            Array.Copy(outLevels, workLevels, numLevels + 1);
            (numLevels, target, current) = KllLevels.GeneralCompress(_k, numLevels, work, workLevels, outLevels, ref _rngState);
        }

        var newItems = target == _items.Length ? _items : new double[target];
        int freeSpaceAtBottom = target - current;
        Array.Copy(work, outLevels[0], newItems, freeSpaceAtBottom, current);
        int shift = freeSpaceAtBottom - outLevels[0];
        var newLevels = new int[numLevels + 1];
        for (int lvl = 0; lvl <= numLevels; lvl++)
        {
            newLevels[lvl] = outLevels[lvl] + shift;
        }

        _numLevels = numLevels;
        _levels = newLevels;
        _items = newItems;
    }

    // The batch update's slow path: level 0 plus the batch, then every level above, compacted bottom-up in one pass.
    private void CompactWithLevelZero(ReadOnlySpan<double> batch)
    {
        int pop0 = _levels[1] - _levels[0];
        int above = _levels[_numLevels] - _levels[1];
        int total = pop0 + batch.Length + above;
        int levelSlots = Math.Max(KllLevels.UpperBoundOnNumLevels(_count), _numLevels) + 3;
        var workLevels = new int[levelSlots];
        var outLevels = new int[levelSlots];
        var work = ArrayPool<double>.Shared.Rent(total);
        try
        {
            Array.Copy(_items, _levels[0], work, 0, pop0);
            batch.CopyTo(work.AsSpan(pop0));
            Array.Copy(_items, _levels[1], work, pop0 + batch.Length, above);
            int shift = batch.Length - _levels[0];
            for (int lvl = 1; lvl <= _numLevels; lvl++)
            {
                workLevels[lvl] = _levels[lvl] + shift;
            }

            CompressAndInstall(_numLevels, work, workLevels, outLevels);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(work);
        }
    }

    private int LevelSize(int level) => level < _numLevels ? _levels[level + 1] - _levels[level] : 0;

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_items.Length == KllLevels.TotalCapacity(_k, _numLevels), "Items array matches the capacity.");
        Debug.Assert(_levels[_numLevels] == _items.Length, "Levels end at the end of the items array.");
        Int128 weight = 0;
        for (int h = 0; h < _numLevels; h++)
        {
            Debug.Assert(_levels[h] <= _levels[h + 1], "Level boundaries ascend.");
            weight += (Int128)(_levels[h + 1] - _levels[h]) << h;
        }

        Debug.Assert(weight == _count, "Retained weights sum to the count.");
    }
}
