using System.Buffers;

namespace ModelMonitor.Contract;

/// <summary>
/// The identifier rules of contract v1, the same for the producer and the service (see README, "Identifiers").
/// </summary>
/// <remarks>
/// Model ids and versions become blob path segments (<c>5m/{modelId}/{modelVersion}/…</c>) and table keys, so they are
/// limited to characters that need no escaping in a URL, a blob name or a PartitionKey/RowKey (no <c>/ \ # ?</c>, no
/// control characters), and must not end with a dot: Azure Storage advises against blob names with a segment ending in
/// a dot, URL normalization removes the dot segments <c>.</c> and <c>..</c>, and Windows tools trim trailing dots, so
/// <c>v1.</c>, <c>.</c>, <c>..</c> and <c>...</c> would not name what they say. A leading dot or underscore is fine.
/// Event ids are only compared and stored inside JSON, never a path or a key, so any 1-128 characters are allowed.
/// </remarks>
public static class ContractIdentifiers
{
    /// <summary>The rule of <see cref="IsValidPathId"/> in words, for error messages.</summary>
    public const string PathIdRule = "1-64 characters of [A-Za-z0-9._-], not ending in '.'";

    /// <summary>The rule of <see cref="IsValidEventId"/> in words, for error messages.</summary>
    public const string EventIdRule = "1-128 characters";

    private static readonly SearchValues<char> PathIdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-");

    /// <summary>A model id, model version or upstream model id: <see cref="PathIdRule"/>.</summary>
    public static bool IsValidPathId(ReadOnlySpan<char> value) =>
        value.Length is > 0 and <= ContractLimits.MaxPathIdLength
        && value[^1] != '.'
        && !value.ContainsAnyExcept(PathIdChars);

    /// <summary>An event id: <see cref="EventIdRule"/>.</summary>
    public static bool IsValidEventId(ReadOnlySpan<char> value) => value.Length is > 0 and <= ContractLimits.MaxEventIdLength;

    /// <summary>An event id still in UTF-8: valid when its length in UTF-16 characters satisfies <see cref="IsValidEventId"/>.</summary>
    public static bool IsValidEventIdLength(int utf16Length) => utf16Length is > 0 and <= ContractLimits.MaxEventIdLength;

    /// <summary>Whether <paramref name="value"/> satisfies <paramref name="rule"/>.</summary>
    public static bool Satisfies(ValueRule rule, ReadOnlySpan<char> value) => rule switch
    {
        ValueRule.PathId => IsValidPathId(value),
        ValueRule.EventId => IsValidEventId(value),
        _ => true,
    };
}
