using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Summaries;

/// <summary>
/// Two 64-bit hashes of an event's feature values, in order: the exact input, and a coarse "near-identical" one in which
/// every number is bucketed to its sign, binary exponent and top <see cref="NearMantissaBits"/> mantissa bits (buckets
/// 12.5% wide relative to the value, scale-free) and magnitudes below <see cref="NearZero"/> count as 0. Strings,
/// booleans and nulls enter both hashes as they are. Deterministic across processes (no randomized string hashing), as
/// sketches of the hashes are merged across instances.
/// </summary>
/// <remarks>
/// Allocation-free: numbers are mixed from their bits; a string's XxHash3 is cached per position by reference, since
/// the parsers intern repeated values and a producer sends its features in the same order. Names are not hashed: the
/// values of one model's events come in the order of its feature names.
/// </remarks>
internal sealed class InputHasher
{
    /// <summary>Mantissa bits a number keeps in the near-identical hash.</summary>
    public const int NearMantissaBits = 3;

    /// <summary>Magnitudes below this count as zero in the near-identical hash, so that jitter around 0 is not news.</summary>
    public const double NearZero = 1e-9;

    private const ulong NearMask = ~((1UL << (52 - NearMantissaBits)) - 1);
    private const ulong Golden = 0x9E3779B97F4A7C15;

    // Kind salts, so that the number 1, the boolean true and a null hash apart.
    private const ulong NullSalt = 0x5bd1e9955bd1e995;
    private const ulong TrueSalt = 0x27d4eb2f165667c5;
    private const ulong FalseSalt = 0x165667b19e3779f9;
    private const ulong StringSalt = 0x85ebca77c2b2ae63;

    private const int CachedPositions = 64;
    private readonly string?[] _cachedText = new string?[CachedPositions];
    private readonly ulong[] _cachedHash = new ulong[CachedPositions];

    public (ulong Exact, ulong Near) Hash(IReadOnlyList<Feature> features)
    {
        ulong exact = 0, near = 0;
        if (features is FeatureRow row)
        {
            var values = row.Values;
            for (var i = 0; i < values.Length; i++)
            {
                Mix(ref exact, ref near, values[i], i);
            }
        }
        else if (features is Feature[] array)
        {
            for (var i = 0; i < array.Length; i++)
            {
                Mix(ref exact, ref near, array[i].Value, i);
            }
        }
        else
        {
            for (var i = 0; i < features.Count; i++)
            {
                Mix(ref exact, ref near, features[i].Value, i);
            }
        }

        return (Finalize(exact), Finalize(near));
    }

    /// <summary>The near-identical bucket of a number, as the bits the hash mixes (exposed for tests).</summary>
    internal static ulong NearBits(double value)
    {
        if (double.IsNaN(value))
        {
            return BitConverter.DoubleToUInt64Bits(double.NaN);
        }

        return Math.Abs(value) < NearZero ? 0UL : BitConverter.DoubleToUInt64Bits(value) & NearMask;
    }

    private void Mix(ref ulong exact, ref ulong near, in FieldValue value, int position)
    {
        switch (value.Kind)
        {
            case ValueKind.Number:
                double number = value.Number;
                // -0 and 0, and every NaN payload, are one input.
                ulong bits = number == 0 ? 0UL : double.IsNaN(number) ? BitConverter.DoubleToUInt64Bits(double.NaN) : BitConverter.DoubleToUInt64Bits(number);
                exact = Step(exact, bits);
                near = Step(near, NearBits(number));
                break;
            case ValueKind.String:
                ulong text = StringHash(value.Text!, position) ^ StringSalt;
                exact = Step(exact, text);
                near = Step(near, text);
                break;
            case ValueKind.Boolean:
                ulong flag = value.Number != 0 ? TrueSalt : FalseSalt;
                exact = Step(exact, flag);
                near = Step(near, flag);
                break;
            default:
                exact = Step(exact, NullSalt);
                near = Step(near, NullSalt);
                break;
        }
    }

    private ulong StringHash(string text, int position)
    {
        if ((uint)position < CachedPositions)
        {
            if (ReferenceEquals(_cachedText[position], text))
            {
                return _cachedHash[position];
            }

            ulong hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan()));
            _cachedText[position] = text;
            _cachedHash[position] = hash;
            return hash;
        }

        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan()));
    }

    // Order-dependent: the running hash is rotated and multiplied after each value.
    private static ulong Step(ulong running, ulong value) => BitOperations.RotateLeft(running ^ Fmix(value), 27) * Golden;

    private static ulong Finalize(ulong running) => Fmix(running + Golden);

    // MurmurHash3's 64-bit finalizer: every input bit reaches the top bits a HyperLogLog register index is taken from.
    private static ulong Fmix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccd;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53;
        k ^= k >> 33;
        return k;
    }
}
