namespace ModelMonitor.Infra.Tests.Settings;

/// <summary>
/// Maps an app setting key to the setting it configures, so the local and Azure forms of a connection compare equal:
/// locally a connection is one connection-string key <c>X</c> (Azurite, emulator); in Azure it is identity-based,
/// <c>X__fullyQualifiedNamespace</c> / <c>X__accountName</c> / <c>X__blobServiceUri</c> … plus <c>X__credential</c>
/// and <c>X__clientId</c>. Both name connection <c>X</c>. Other keys (<c>Monitor__WindowMinutes</c>) are unchanged.
/// </summary>
internal static class AppSettingNames
{
    private const string Separator = "__";

    // The properties the Azure SDK and Functions extensions read from an identity-based connection section.
    private static readonly HashSet<string> ConnectionProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "fullyQualifiedNamespace",
        "accountName",
        "serviceUri",
        "blobServiceUri",
        "queueServiceUri",
        "tableServiceUri",
        "credential",
        "clientId",
        "tenantId",
        "managedIdentityResourceId",
    };

    public static string SettingName(string key)
    {
        var separator = key.LastIndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0)
        {
            return key;
        }

        var property = key[(separator + Separator.Length)..];
        return ConnectionProperties.Contains(property) ? key[..separator] : key;
    }

    public static SortedSet<string> SettingNames(IEnumerable<string> keys) =>
        new(keys.Select(SettingName), StringComparer.Ordinal);
}
