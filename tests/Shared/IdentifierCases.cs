namespace ModelMonitor.Tests.Shared;

/// <summary>
/// One set of identifier cases, compiled into both the client's and the service's tests (linked source), so the
/// producer accepts exactly what the service accepts.
/// </summary>
public static class IdentifierCases
{
    /// <summary>Model ids and versions (and upstream model ids), with whether the contract accepts them.</summary>
    public static TheoryData<string, bool> PathIds => new()
    {
        { "fraud", true },
        { "fraud-v2.1_b", true },
        { "A", true },
        { "0", true },
        { new string('m', 64), true },
        { ".hidden", true },
        { "_internal", true },
        { "-dash", true },
        { "v1..2", true },
        { "", false },
        { new string('m', 65), false },
        { ".", false },
        { "..", false },
        { "...", false },
        { "v1.", false },
        { "fraud/v1", false },
        { "fraud\\v1", false },
        { "../secrets", false },
        { "a b", false },
        { "a#b", false },
        { "a?b", false },
        { "a%2Fb", false },
        { "a\u0000b", false },
        { "a\nb", false },
        { "modèle", false },
        { "ﬁ", false },
        { "a..b", true },
        { "a\tb", false },
        { "a\u007Fb", false },
        { "a\u200Bb", false },
        { "\uD83D\uDE00", false },
        { "v1.0.", false },
        { ".a.", false },
        { "/", false },
        { "\\", false },
        { new string('m', 128), false },
        { new string('m', 129), false },
    };

    /// <summary>Event ids, with whether the contract accepts them.</summary>
    public static TheoryData<string, bool> EventIds => new()
    {
        { "e1", true },
        { "550e8400-e29b-41d4-a716-446655440000", true },
        { "../../x", true },
        { "...", true },
        { "id with spaces/and#marks?", true },
        { "événement-ü", true },
        { new string('e', 128), true },
        { "", false },
        { new string('e', 129), false },
        { "a..b", true },
        { "/", true },
        { "\\", true },
        { "a\u0000b", true },
        { "a\nb\tc", true },
        { new string('\u00E9', 128), true },
        { new string('\u00E9', 129), false },
        { string.Concat(Enumerable.Repeat("\uD83D\uDE00", 64)), true },
        { string.Concat(Enumerable.Repeat("\uD83D\uDE00", 65)), false },
    };
}
