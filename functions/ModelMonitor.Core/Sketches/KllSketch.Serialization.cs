using System.Buffers.Binary;

namespace ModelMonitor.Core.Sketches;

/// <remarks>
/// Binary form, version 1, little-endian:
/// <code>
/// offset  size          field
/// 0       1             version (1)
/// 1       1             number of levels L (1..61)
/// 2       2             K (uint16)
/// 4       8             count (int64)
/// 12      8             min (float64, NaN when empty)
/// 20      8             max (float64, NaN when empty)
/// 28      8             coin generator state (uint64)
/// 36      4·L           items on each level, level 0 first (int32)
/// 36+4L   8·retained    items (float64), level 0 first; levels above 0 ascending
/// </code>
/// The items array is always as long as the total capacity for K and L, with free space at the bottom, so these
/// fields determine the in-memory state exactly: a round trip answers and evolves like the original.
/// </remarks>
public sealed partial class KllSketch
{
    private const byte FormatVersion = 1;
    private const int HeaderSize = 36;

    /// <summary>Compact, versioned binary form.</summary>
    public byte[] ToBytes()
    {
        int retained = RetainedCount;
        var bytes = new byte[HeaderSize + (4 * _numLevels) + (8 * retained)];
        var span = bytes.AsSpan();
        span[0] = FormatVersion;
        span[1] = (byte)_numLevels;
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)_k);
        BinaryPrimitives.WriteInt64LittleEndian(span[4..], _count);
        BinaryPrimitives.WriteDoubleLittleEndian(span[12..], Min);
        BinaryPrimitives.WriteDoubleLittleEndian(span[20..], Max);
        BinaryPrimitives.WriteUInt64LittleEndian(span[28..], _rngState);
        int offset = HeaderSize;
        for (int h = 0; h < _numLevels; h++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[offset..], _levels[h + 1] - _levels[h]);
            offset += 4;
        }

        for (int i = _levels[0]; i < _levels[_numLevels]; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span[offset..], _items[i]);
            offset += 8;
        }

        return bytes;
    }

    /// <summary>Reads the form written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a valid KLL sketch of a supported version.</exception>
    public static KllSketch FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize)
        {
            throw Corrupt($"{bytes.Length} bytes is shorter than the {HeaderSize}-byte header");
        }

        if (bytes[0] != FormatVersion)
        {
            throw new FormatException($"Unsupported KLL sketch format version {bytes[0]} (supported: {FormatVersion}).");
        }

        int numLevels = bytes[1];
        int k = BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]);
        long count = BinaryPrimitives.ReadInt64LittleEndian(bytes[4..]);
        double min = BinaryPrimitives.ReadDoubleLittleEndian(bytes[12..]);
        double max = BinaryPrimitives.ReadDoubleLittleEndian(bytes[20..]);
        ulong rngState = BinaryPrimitives.ReadUInt64LittleEndian(bytes[28..]);

        if (k < MinK)
        {
            throw Corrupt($"K={k} is below the minimum {MinK}");
        }

        if (numLevels is < 1 or > KllLevels.MaxLevels)
        {
            throw Corrupt($"{numLevels} levels is outside [1, {KllLevels.MaxLevels}]");
        }

        if (count < 0)
        {
            throw Corrupt($"negative count {count}");
        }

        int itemsOffset = HeaderSize + (4 * numLevels);
        if (bytes.Length < itemsOffset)
        {
            throw Corrupt($"{bytes.Length} bytes cannot hold the sizes of {numLevels} levels");
        }

        int capacity = KllLevels.TotalCapacity(k, numLevels);
        var sizes = new int[numLevels];
        long retained = 0;
        Int128 weight = 0;
        for (int h = 0; h < numLevels; h++)
        {
            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes[(HeaderSize + (4 * h))..]);
            if (size < 0)
            {
                throw Corrupt($"level {h} has negative size {size}");
            }

            sizes[h] = size;
            retained += size;
            weight += (Int128)size << h;
        }

        if (retained > capacity)
        {
            throw Corrupt($"{retained} retained items exceed the capacity {capacity} for K={k} and {numLevels} levels");
        }

        if (bytes.Length != itemsOffset + (8 * retained))
        {
            throw Corrupt($"length {bytes.Length} does not match {retained} retained items (expected {itemsOffset + (8 * retained)})");
        }

        if (weight != count)
        {
            throw Corrupt($"level weights sum to {weight}, not the count {count}");
        }

        if (count == 0)
        {
            if (numLevels != 1 || !double.IsNaN(min) || !double.IsNaN(max))
            {
                throw Corrupt("an empty sketch must have one level and NaN min and max");
            }
        }
        else if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
        {
            throw Corrupt($"invalid min {min} and max {max}");
        }

        var items = new double[capacity];
        var levels = new int[numLevels + 1];
        levels[0] = capacity - (int)retained;
        for (int h = 0; h < numLevels; h++)
        {
            levels[h + 1] = levels[h] + sizes[h];
            for (int i = levels[h]; i < levels[h + 1]; i++)
            {
                double item = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(itemsOffset + (8 * (i - levels[0])))..]);
                if (!(item >= min && item <= max))
                {
                    throw Corrupt($"item {item} on level {h} is outside [min, max] or not finite");
                }

                if (h > 0 && i > levels[h] && item < items[i - 1])
                {
                    throw Corrupt($"level {h} is not sorted");
                }

                items[i] = item;
            }
        }

        return count == 0
            ? new KllSketch(k, numLevels, levels, items, 0, double.PositiveInfinity, double.NegativeInfinity, rngState)
            : new KllSketch(k, numLevels, levels, items, count, min, max, rngState);
    }

    private static FormatException Corrupt(string reason) => new($"Invalid KLL sketch bytes: {reason}.");
}
