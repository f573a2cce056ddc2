using ModelMonitor.Contract;

namespace ModelMonitor.Core.Events;

/// <summary>Maps a raw UTF-8 property name to its <see cref="Field"/>, from the contract table.</summary>
internal static class FieldNames
{
    public static Field Identify(ReadOnlySpan<byte> name) => ContractFields.Identify(name);
}
