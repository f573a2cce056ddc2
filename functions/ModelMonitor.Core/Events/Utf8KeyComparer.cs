using System.IO.Hashing;

namespace ModelMonitor.Core.Events;

/// <summary>Compares UTF-8 keys by content, and lets a dictionary be probed with a span without allocating.</summary>
internal sealed class Utf8KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static Utf8KeyComparer Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate) => unchecked((int)XxHash3.HashToUInt64(alternate));

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
