namespace ModelMonitor.Contract;

/// <summary>One row of the contract table.</summary>
/// <param name="Field">The field.</param>
/// <param name="Name">Its JSON property name (ASCII, case-sensitive).</param>
/// <param name="Kind">Its JSON shape.</param>
/// <param name="Kinds">The event kinds it belongs to (the service ignores it elsewhere rather than failing).</param>
/// <param name="RequiredIn">The event kinds that must carry it.</param>
/// <param name="Rule">The rule its string value follows.</param>
public sealed record ContractFieldSpec(
    ContractField Field, string Name, FieldKind Kind, ContractEventKinds Kinds, ContractEventKinds RequiredIn, ValueRule Rule)
{
    /// <summary>The name as UTF-8 bytes, for parsers that compare raw property names.</summary>
    public byte[] Utf8Name { get; } = System.Text.Encoding.UTF8.GetBytes(Name);

    /// <summary>True when events of <paramref name="kind"/> must carry the field.</summary>
    public bool IsRequiredIn(ContractEventKinds kind) => (RequiredIn & kind) != 0;
}
