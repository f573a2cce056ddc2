using System.Security.Cryptography;
using System.Text;

namespace ModelMonitor.Storage.Blobs;

/// <summary>
/// A short hash of a set of source blobs' names and ETags: equal exactly when none of the sources was added,
/// removed or rewritten. Derived results (roll-ups, check results) store it to know when they are stale.
/// </summary>
public static class SourceFingerprint
{
    public static string Of(IEnumerable<WindowBlobInfo> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var text = new StringBuilder();
        foreach (var source in sources.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            text.Append(source.Name).Append('=').Append(source.ETag).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
