using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ModelMonitor.Service.Notifications;

/// <summary>
/// HMAC-SHA256 signing of generic webhooks. Headers: <c>X-ModelMonitor-Timestamp: &lt;unix seconds&gt;</c> and
/// <c>X-ModelMonitor-Signature: sha256=&lt;lower-case hex&gt;</c> over the UTF-8 bytes of <c>"{timestamp}."</c>
/// followed by the exact body bytes. Receivers recompute it, compare in constant time and refuse timestamps older
/// than a few minutes, which stops replays (the timestamp is inside the MAC, so it cannot be refreshed).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-ModelMonitor-Signature";
    public const string TimestampHeader = "X-ModelMonitor-Timestamp";

    /// <returns>The signature header value, <c>sha256=…</c>.</returns>
    public static string Sign(byte[] secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        byte[] prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        byte[] signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, signed));
    }

    /// <summary>Checks a received signature in constant time.</summary>
    public static bool Verify(byte[] secret, long unixSeconds, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null)
        {
            return false;
        }

        byte[] expected = Encoding.ASCII.GetBytes(Sign(secret, unixSeconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header));
    }
}
