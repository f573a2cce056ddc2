using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ModelMonitor.Core.Sketches;

/// <summary>Mergeable distinct-count estimator (HyperLogLog with the usual small-range correction).</summary>
/// <remarks>
/// Items are hashed with XxHash64 (seed 0) over their UTF-16 code units in memory order (UTF-16LE on the little-endian hosts .NET runs this service on). The top
/// <see cref="Precision"/> bits pick a register, which keeps the maximum over its items of (leading zeros of the
/// remaining bits + 1). The estimate is Flajolet et al.'s α·m²/Σ2^-register, replaced by linear counting
/// m·ln(m/empty registers) below 2.5·m; a 64-bit hash needs no large-range correction.
/// Merging takes the register-wise maximum, so the sketch of a union equals the merge of the sketches, exactly.
/// </remarks>
public sealed class HyperLogLog
{
    public const int DefaultPrecision = 12;

    public const int MinPrecision = 4;

    public const int MaxPrecision = 16;

    private const byte FormatVersion = 1;
    private const int HeaderSize = 2;

    private readonly int _precision;
    private readonly byte[] _registers;

    /// <summary>Creates an empty sketch of 2^<paramref name="precision"/> one-byte registers.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="precision"/> is outside [4, 16].</exception>
    public HyperLogLog(int precision = DefaultPrecision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, MinPrecision);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, MaxPrecision);
        _precision = precision;
        _registers = new byte[1 << precision];
    }

    private HyperLogLog(int precision, byte[] registers)
    {
        _precision = precision;
        _registers = registers;
    }

    public int Precision => _precision;

    /// <summary>Relative standard error, 1.04/sqrt(2^precision).</summary>
    public double StandardError => 1.04 / Math.Sqrt(_registers.Length);

    // Largest register value: all 64 - p remaining hash bits zero.
    private int MaxRegister => 64 - _precision + 1;

    public void Add(ReadOnlySpan<char> item) => AddHash(XxHash64.HashToUInt64(MemoryMarshal.AsBytes(item)));

    /// <summary>
    /// Adds an item by its own 64-bit hash, for items that are not strings (a feature vector, say). The hash must be
    /// well mixed in its top bits and the same in every process, since sketches are merged across instances.
    /// </summary>
    public void AddHash(ulong hash)
    {
        int index = (int)(hash >> (64 - _precision));
        ulong rest = hash << _precision;
        int rank = rest == 0 ? MaxRegister : BitOperations.LeadingZeroCount(rest) + 1;
        if (rank > _registers[index])
        {
            _registers[index] = (byte)rank;
        }
    }

    /// <summary>Adds the items counted by <paramref name="other"/> (left unchanged).</summary>
    /// <exception cref="ArgumentException">The precisions differ.</exception>
    public void Merge(HyperLogLog other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._precision != _precision)
        {
            throw new ArgumentException(
                $"Cannot merge a HyperLogLog of precision {other._precision} into one of precision {_precision}.", nameof(other));
        }

        for (int i = 0; i < _registers.Length; i++)
        {
            if (other._registers[i] > _registers[i])
            {
                _registers[i] = other._registers[i];
            }
        }
    }

    /// <summary>Estimated number of distinct items added; 0 when empty.</summary>
    public double Estimate()
    {
        double m = _registers.Length;
        double sum = 0;
        int empty = 0;
        foreach (byte register in _registers)
        {
            sum += Math.ScaleB(1.0, -register);
            if (register == 0)
            {
                empty++;
            }
        }

        double raw = Alpha(_registers.Length) * m * m / sum;
        if (raw <= 2.5 * m && empty > 0)
        {
            return m * Math.Log(m / empty);
        }

        return raw;
    }

    /// <summary>Empties the sketch in place, so that a slot can be reused without allocating.</summary>
    public void Clear() => Array.Clear(_registers);

    public HyperLogLog Clone() => new(_precision, (byte[])_registers.Clone());

    /// <summary>Versioned binary form: version (1), precision, then the 2^precision registers, one byte each.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderSize + _registers.Length];
        bytes[0] = FormatVersion;
        bytes[1] = (byte)_precision;
        _registers.CopyTo(bytes, HeaderSize);
        return bytes;
    }

    /// <summary>Reads the form written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="FormatException">The bytes are not a valid HyperLogLog of a supported version.</exception>
    public static HyperLogLog FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize)
        {
            throw Corrupt($"{bytes.Length} bytes is shorter than the {HeaderSize}-byte header");
        }

        if (bytes[0] != FormatVersion)
        {
            throw new FormatException($"Unsupported HyperLogLog format version {bytes[0]} (supported: {FormatVersion}).");
        }

        int precision = bytes[1];
        if (precision is < MinPrecision or > MaxPrecision)
        {
            throw Corrupt($"precision {precision} is outside [{MinPrecision}, {MaxPrecision}]");
        }

        int registerCount = 1 << precision;
        if (bytes.Length != HeaderSize + registerCount)
        {
            throw Corrupt($"length {bytes.Length} does not match {registerCount} registers (expected {HeaderSize + registerCount})");
        }

        var registers = bytes[HeaderSize..].ToArray();
        int maxRegister = 64 - precision + 1;
        for (int i = 0; i < registers.Length; i++)
        {
            if (registers[i] > maxRegister)
            {
                throw Corrupt($"register {i} holds {registers[i]}, above the maximum {maxRegister} for precision {precision}");
            }
        }

        return new HyperLogLog(precision, registers);
    }

    private static double Alpha(int m) => m switch
    {
        16 => 0.673,
        32 => 0.697,
        64 => 0.709,
        _ => 0.7213 / (1 + (1.079 / m)),
    };

    private static FormatException Corrupt(string reason) => new($"Invalid HyperLogLog bytes: {reason}.");
}
