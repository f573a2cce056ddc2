using System.Runtime.InteropServices;
using ModelMonitor.Core.Events;
using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Summaries;

/// <summary>
/// Per-caller repetition of inputs, for the abuse check on scraping and model extraction: for at most
/// <see cref="Capacity"/> callers, the events with features counted and two small HyperLogLogs
/// (precision <see cref="Precision"/>, 128 one-byte registers, about 9% standard error, near-exact below ~300 distinct)
/// of their exact-input hashes and of their near-identical hashes (<see cref="InputHasher"/>). Bounded memory: about
/// 300 bytes per tracked caller.
/// </summary>
/// <remarks>
/// <para>
/// Which callers are tracked follows Space-Saving (Metwally et al.): when the set is full, a new caller takes the slot of
/// the one with the smallest weight and inherits that weight plus one, so any caller with more than 1/Capacity of the
/// events holds a slot from some point on. Its counts and sketches restart on admission (the slot's sketches are
/// cleared, not reallocated), so its repeat shares describe the events since then, without another caller's mixed in.
/// Inputs of evicted callers are added to <see cref="Untracked"/>.
/// </para>
/// <para>
/// Merge unions the sketches of a caller (a replay spread over several windows is still a replay in their hour), adds
/// counts and weights, and keeps the <see cref="Capacity"/> heaviest by weight (ties by caller, ordinal). Not thread-safe.
/// </para>
/// </remarks>
public sealed class CallerInputs
{
    public const int DefaultCapacity = 32;

    /// <summary>Largest accepted capacity, for counters restored from storage.</summary>
    public const int MaxCapacity = 1024;

    /// <summary>HyperLogLog precision of the per-caller sketches.</summary>
    public const int Precision = 7;

    private readonly int _capacity;
    private readonly List<Slot> _slots = [];
    private Dictionary<string, int>? _index;
    private InputHasher? _hasher;
    /// <summary>With every slot taken, one untracked input in this many evicts the lightest slot.</summary>
    public const int AdmitEvery = 8;

    private string? _lastCaller;
    private long _misses;
    private int _lastSlot;

    public CallerInputs(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, MaxCapacity);
        _capacity = capacity;
    }

    public int Capacity => _capacity;

    /// <summary>Inputs counted for callers no longer tracked.</summary>
    public long Untracked { get; private set; }

    /// <summary>Callers tracked.</summary>
    public int Count => _slots.Count;

    /// <summary>Folds in one event of <paramref name="callerId"/> with these features (an empty vector is not an input).</summary>
    public void Add(string callerId, IReadOnlyList<Feature> features)
    {
        ArgumentNullException.ThrowIfNull(callerId);
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0)
        {
            return;
        }

        if (TrackedSlot(callerId) is not { } slot)
        {
            // Not hashed at all: an untracked input costs a lookup, not a hash and an eviction.
            Untracked++;
            return;
        }

        var (exact, near) = (_hasher ??= new InputHasher()).Hash(features);
        slot.Inputs++;
        slot.Weight++;
        slot.Exact.AddHash(exact);
        slot.Near.AddHash(near);
    }

    /// <summary>
    /// The caller's slot, admitting it while there is room; with every slot taken, only every
    /// <see cref="AdmitEvery"/>th input of an untracked caller evicts the lightest slot. Evicting on every miss (plain
    /// Space-Saving) made ingest of a stream with many light callers twice as slow (a scan of the slots, a dictionary
    /// removal and two sketch clears per event); a caller with a real share of the traffic misses often and is still
    /// admitted within a few of its inputs, and only light callers' inputs go uncounted.
    /// </summary>
    private Slot? TrackedSlot(string callerId)
    {
        if (ReferenceEquals(callerId, _lastCaller))
        {
            return _slots[_lastSlot];
        }

        if (Index().TryGetValue(callerId, out var at))
        {
            _lastCaller = callerId;
            _lastSlot = at;
            return _slots[at];
        }

        if (_slots.Count >= _capacity && (++_misses % AdmitEvery) != 0)
        {
            return null;
        }

        return SlotOf(callerId);
    }

    /// <summary>Folds in one input by its two hashes.</summary>
    internal void AddHashes(string callerId, ulong exact, ulong near)
    {
        var slot = SlotOf(callerId);
        slot.Inputs++;
        slot.Weight++;
        slot.Exact.AddHash(exact);
        slot.Near.AddHash(near);
    }

    /// <summary>The tracked callers by descending weight (ties by caller), with their counts and distinct estimates.</summary>
    public IReadOnlyList<CallerInputCount> All()
    {
        var ordered = Ordered();
        var result = new CallerInputCount[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var s = ordered[i];
            result[i] = new CallerInputCount(s.CallerId, s.Inputs, Math.Min(s.Exact.Estimate(), s.Inputs), Math.Min(s.Near.Estimate(), s.Inputs));
        }

        return result;
    }

    public void Merge(CallerInputs other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this) || other._slots.Count == 0 && other.Untracked == 0)
        {
            return;
        }

        Untracked += other.Untracked;
        var index = Index();
        foreach (var theirs in other._slots)
        {
            if (index.TryGetValue(theirs.CallerId, out int at))
            {
                var mine = _slots[at];
                mine.Inputs += theirs.Inputs;
                mine.Weight += theirs.Weight;
                mine.Exact.Merge(theirs.Exact);
                mine.Near.Merge(theirs.Near);
            }
            else
            {
                index[theirs.CallerId] = _slots.Count;
                _slots.Add(new Slot(theirs.CallerId, theirs.Inputs, theirs.Weight, theirs.Exact.Clone(), theirs.Near.Clone()));
            }
        }

        if (_slots.Count > _capacity)
        {
            var kept = Ordered();
            foreach (var dropped in kept.Skip(_capacity))
            {
                Untracked += dropped.Inputs;
            }

            var heaviest = kept.Take(_capacity).ToList();
            _slots.Clear();
            _slots.AddRange(heaviest);
            RebuildIndex();
        }

        _lastCaller = null;
    }

    /// <summary>Serialized parts of one tracked caller: (caller, inputs, weight, exact sketch, near sketch).</summary>
    internal IEnumerable<(string CallerId, long Inputs, long Weight, HyperLogLog Exact, HyperLogLog Near)> Parts() =>
        Ordered().Select(s => (s.CallerId, s.Inputs, s.Weight, s.Exact, s.Near));

    /// <summary>Rebuilds a counter from <see cref="Parts"/>; inconsistent parts throw <see cref="ArgumentException"/>.</summary>
    internal static CallerInputs Restore(int capacity, long untracked, IEnumerable<(string CallerId, long Inputs, long Weight, HyperLogLog Exact, HyperLogLog Near)> parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(untracked);
        var restored = new CallerInputs(capacity) { Untracked = untracked };
        var index = restored.Index();
        foreach (var (caller, inputs, weight, exact, near) in parts)
        {
            ArgumentNullException.ThrowIfNull(caller);
            if (inputs <= 0 || weight < inputs)
            {
                throw new ArgumentException($"Caller '{caller}' has {inputs} inputs and weight {weight}.", nameof(parts));
            }

            if (exact.Precision != Precision || near.Precision != Precision)
            {
                throw new ArgumentException($"Caller '{caller}' has sketches of precision {exact.Precision}/{near.Precision}, expected {Precision}.", nameof(parts));
            }

            if (restored._slots.Count == capacity || !index.TryAdd(caller, restored._slots.Count))
            {
                throw new ArgumentException($"Caller '{caller}' is a duplicate or beyond the capacity {capacity}.", nameof(parts));
            }

            restored._slots.Add(new Slot(caller, inputs, weight, exact, near));
        }

        return restored;
    }

    private Slot SlotOf(string callerId)
    {
        // Callers come in runs and their ids are interned by the parsers: a reference check usually replaces the lookup.
        if (ReferenceEquals(callerId, _lastCaller))
        {
            return _slots[_lastSlot];
        }

        var index = Index();
        ref int at = ref CollectionsMarshal.GetValueRefOrNullRef(index, callerId);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref at))
        {
            Admit(callerId);
        }
        else
        {
            _lastSlot = at;
        }

        _lastCaller = callerId;
        return _slots[_lastSlot];
    }

    private void Admit(string callerId)
    {
        var index = Index();
        if (_slots.Count < _capacity)
        {
            _lastSlot = _slots.Count;
            index[callerId] = _lastSlot;
            _slots.Add(new Slot(callerId, 0, 0, new HyperLogLog(Precision), new HyperLogLog(Precision)));
            return;
        }

        // Space-Saving: the lightest slot is taken over; its sketches are cleared for reuse.
        int lightest = 0;
        for (var i = 1; i < _slots.Count; i++)
        {
            if (_slots[i].Weight < _slots[lightest].Weight)
            {
                lightest = i;
            }
        }

        var slot = _slots[lightest];
        Untracked += slot.Inputs;
        index.Remove(slot.CallerId);
        index[callerId] = lightest;
        slot.CallerId = callerId;
        slot.Inputs = 0;
        slot.Exact.Clear();
        slot.Near.Clear();
        _lastSlot = lightest;
    }

    private Dictionary<string, int> Index()
    {
        if (_index is null)
        {
            _index = new Dictionary<string, int>(_capacity + 1, StringComparer.Ordinal);
            RebuildIndex();
        }

        return _index;
    }

    private void RebuildIndex()
    {
        var index = _index ??= new Dictionary<string, int>(_capacity + 1, StringComparer.Ordinal);
        index.Clear();
        for (var i = 0; i < _slots.Count; i++)
        {
            index[_slots[i].CallerId] = i;
        }
    }

    private List<Slot> Ordered()
    {
        var ordered = new List<Slot>(_slots);
        ordered.Sort((a, b) =>
        {
            int byWeight = b.Weight.CompareTo(a.Weight);
            return byWeight != 0 ? byWeight : string.CompareOrdinal(a.CallerId, b.CallerId);
        });
        return ordered;
    }

    private sealed class Slot(string callerId, long inputs, long weight, HyperLogLog exact, HyperLogLog near)
    {
        public string CallerId { get; set; } = callerId;

        public long Inputs { get; set; } = inputs;

        /// <summary>Space-Saving weight: inputs plus what the slot inherited on admission.</summary>
        public long Weight { get; set; } = weight;

        public HyperLogLog Exact { get; } = exact;

        public HyperLogLog Near { get; } = near;
    }
}
