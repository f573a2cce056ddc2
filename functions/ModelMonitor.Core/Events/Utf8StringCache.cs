using System.Buffers.Binary;

namespace ModelMonitor.Core.Events;

/// <summary>
/// Maps raw UTF-8 bytes to a string, for the few thousand distinct names and categories an event stream repeats.
/// A small open-addressing table over one byte arena: a generic Dictionary with a span comparer spent most of its
/// time in shared-generic dispatch on this path. Bounded: past <see cref="Capacity"/> entries it stops adding.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int MaxKeyBytes = 256;
    private readonly int _mask;
    private readonly Slot[] _slots;
    private byte[] _arena = new byte[16 * 1024];
    private int _arenaUsed;

    public Utf8StringCache(int capacity)
    {
        Capacity = capacity;
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = new Slot[size];
        _mask = size - 1;
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool TryGet(ReadOnlySpan<byte> key, out string value)
    {
        var hash = Hash(key);
        for (var i = hash & _mask; ; i = (i + 1) & _mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Value is null)
            {
                value = null!;
                return false;
            }

            if (slot.Hash == hash && slot.Length == key.Length && key.SequenceEqual(_arena.AsSpan(slot.Offset, slot.Length)))
            {
                value = slot.Value;
                return true;
            }
        }
    }

    public void Add(ReadOnlySpan<byte> key, string value)
    {
        if (Count >= Capacity || key.Length > MaxKeyBytes)
        {
            return;
        }

        if (_arenaUsed + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + key.Length));
        }

        var hash = Hash(key);
        var i = hash & _mask;
        while (_slots[i].Value is not null)
        {
            i = (i + 1) & _mask;
        }

        key.CopyTo(_arena.AsSpan(_arenaUsed));
        _slots[i] = new Slot(hash, _arenaUsed, key.Length, value);
        _arenaUsed += key.Length;
        Count++;
    }

    // Names and categories are short: hash them a word at a time (the first and last eight bytes, overlapping
    // when shorter), which costs a few multiplies instead of one dependent multiply per byte as FNV-1a did.
    // Quality matters little: a hit is always confirmed by comparing the bytes.
    private static int Hash(ReadOnlySpan<byte> key)
    {
        ulong hash;
        if (key.Length >= 8)
        {
            var head = BinaryPrimitives.ReadUInt64LittleEndian(key);
            var tail = BinaryPrimitives.ReadUInt64LittleEndian(key[^8..]);
            hash = (head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL);
            for (var i = 8; i + 8 < key.Length; i += 8)
            {
                hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(key[i..])) * 0x165667B19E3779F9UL;
            }
        }
        else
        {
            ulong word = 0;
            for (var i = 0; i < key.Length; i++)
            {
                word |= (ulong)key[i] << (8 * i);
            }

            hash = word * 0x9E3779B97F4A7C15UL;
        }

        hash ^= (ulong)key.Length * 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 29;
        return (int)((hash * 0xBF58476D1CE4E5B9UL) >> 33);
    }

    private readonly record struct Slot(int Hash, int Offset, int Length, string? Value);
}
