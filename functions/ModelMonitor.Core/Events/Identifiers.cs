using ModelMonitor.Contract;

namespace ModelMonitor.Core.Events;

/// <summary>Rules for identifiers that become blob path segments: the contract's rule (<see cref="ContractIdentifiers"/>).</summary>
public static class Identifiers
{
    /// <summary>True when <paramref name="value"/> is 1-64 characters of <c>[A-Za-z0-9._-]</c> not ending in '.'.</summary>
    public static bool IsValidPathId(ReadOnlySpan<char> value) => ContractIdentifiers.IsValidPathId(value);

    public static string RequireValidPathId(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return IsValidPathId(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a valid identifier: use {ContractIdentifiers.PathIdRule}.", paramName);
    }
}
