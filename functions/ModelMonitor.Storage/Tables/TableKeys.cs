namespace ModelMonitor.Storage.Tables;

/// <summary>
/// Ids as table keys: percent-encoded, since keys may not contain '/', '\\', '#', '?' or control characters and model
/// and caller ids may. "*" is a legal key and stays as it is.
/// </summary>
public static class TableKeys
{
    public static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }

    public static string Unescape(string key) => Uri.UnescapeDataString(key);
}
