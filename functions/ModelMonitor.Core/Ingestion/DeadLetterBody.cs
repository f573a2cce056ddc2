using System.Text;

namespace ModelMonitor.Core.Ingestion;

/// <summary>How a body becomes a dead letter's text: UTF-8 when it is valid UTF-8, base64 otherwise, cut to a cap.</summary>
public static class DeadLetterBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The body as text, its encoding, and its original length when it was cut to <paramref name="maxBytes"/>.</summary>
    public static (string Text, string Encoding, int? TruncatedFrom) Encode(ReadOnlySpan<byte> bytes, int maxBytes)
    {
        int? truncatedFrom = null;
        if (bytes.Length > maxBytes)
        {
            truncatedFrom = bytes.Length;
            var cut = maxBytes;

            // Cut on a UTF-8 character boundary, so a text body stays text.
            while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
            {
                cut--;
            }

            bytes = bytes[..cut];
        }

        try
        {
            return (StrictUtf8.GetString(bytes), "utf-8", truncatedFrom);
        }
        catch (DecoderFallbackException)
        {
            return (Convert.ToBase64String(bytes), "base64", truncatedFrom);
        }
    }
}
