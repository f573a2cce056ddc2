using System.Globalization;
using System.Text;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Ingestion;

/// <summary>
/// Turns one message's rejected events into dead letters within <see cref="DeadLetterLimits"/>: each letter of an
/// array message keeps its own element's slice when the array can be delimited, otherwise the body is stored once,
/// with the message's first letter; past the per-message cap the rest are counted on the last letter.
/// Pure; the letters' bodies together never exceed the message's size.
/// </summary>
public static class MessageDeadLetters
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <param name="partition">The message's partition.</param>
    /// <param name="message">The message.</param>
    /// <param name="rejected">Its rejected events in index order, each with an error.</param>
    /// <param name="elementCount">How many events the parser found in the message (valid and rejected).</param>
    /// <param name="limits">The caps.</param>
    /// <param name="into">Receives the letters.</param>
    public static void Add(string partition, in IncomingMessage message, IReadOnlyList<ParseResult> rejected, int elementCount, DeadLetterLimits limits, List<DeadLetter> into)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(into);
        if (rejected.Count == 0)
        {
            return;
        }

        var stored = Math.Min(rejected.Count, limits.MaxLettersPerMessage);
        var body = message.Body.Span;

        // A single rejected event of a one-event message is the common case: the body is the event.
        Range[]? slices = null;
        if (elementCount > 1 && !ArrayElements.TryLocate(body, rejected, stored, out slices))
        {
            slices = null;
        }

        for (var i = 0; i < stored; i++)
        {
            var result = rejected[i];
            var reason = result.Error ?? "rejected";
            var omitted = 0;
            if (i == stored - 1 && rejected.Count > stored)
            {
                omitted = rejected.Count - stored;
                reason = Summarise(reason, rejected, stored);
            }

            string text;
            string encoding;
            string scope;
            int? truncatedFrom;
            if (slices is not null)
            {
                (text, encoding, truncatedFrom) = Encode(body[slices[i]], limits.MaxBodyBytes);
                scope = DeadLetterBodyScope.Element;
            }
            else if (i == 0)
            {
                (text, encoding, truncatedFrom) = Encode(body, limits.MaxBodyBytes);
                scope = DeadLetterBodyScope.Message;
            }
            else
            {
                (text, encoding, truncatedFrom) = (string.Empty, "utf-8", null);
                scope = DeadLetterBodyScope.StoredWithFirstLetter;
            }

            into.Add(new DeadLetter(partition, message.SequenceNumber, result.Index, message.EnqueuedTime, reason, text, encoding, scope, omitted, truncatedFrom));
        }
    }

    /// <summary>The reason of the last stored letter, extended with what the letters not stored would have said.</summary>
    private static string Summarise(string ownReason, IReadOnlyList<ParseResult> rejected, int stored)
    {
        var same = 0;
        string? firstOther = null;
        var otherCount = 0;
        for (var i = stored; i < rejected.Count; i++)
        {
            if (string.Equals(rejected[i].Error, ownReason, StringComparison.Ordinal))
            {
                same++;
            }
            else
            {
                otherCount++;
                firstOther ??= rejected[i].Error;
            }
        }

        var omitted = rejected.Count - stored;
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{ownReason}; and {omitted:N0} more elements rejected (indexes {rejected[stored].Index}..{rejected[^1].Index}), not stored one by one: {same:N0} for the same reason");
        return otherCount == 0
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text}, {otherCount:N0} for other reasons (first: {firstOther})");
    }

    private static (string Text, string Encoding, int? TruncatedFrom) Encode(ReadOnlySpan<byte> bytes, int maxBytes)
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
