using System.Globalization;
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
    /// <param name="partition">The message's partition.</param>
    /// <param name="message">The message.</param>
    /// <param name="results">Everything the parser found in the message, in index order; the rejected ones become letters.</param>
    /// <param name="limits">The caps.</param>
    /// <param name="into">Receives the letters.</param>
    public static void Add(string partition, in IncomingMessage message, IReadOnlyList<ParseResult> results, DeadLetterLimits limits, List<DeadLetter> into)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(into);

        // Positions of the rejected results: at most the cap is kept, the rest only counted (no per-element copy). Nearly
        // every message is valid, and ingest calls this for each one, so nothing is allocated until a rejection shows up.
        var rejectedCount = 0;
        List<int>? kept = null;
        for (var i = 0; i < results.Count; i++)
        {
            if (!results[i].IsValid && rejectedCount++ < limits.MaxLettersPerMessage)
            {
                (kept ??= []).Add(i);
            }
        }

        if (kept is null)
        {
            return;
        }

        var stored = kept.Count;
        var body = message.Body.Span;

        // A single rejected event of a one-event message is the common case: the body is the event.
        Range[]? slices = null;
        if (results.Count > 1 && !ArrayElements.TryLocate(body, results, kept, out slices))
        {
            slices = null;
        }

        for (var i = 0; i < stored; i++)
        {
            var result = results[kept[i]];
            var reason = result.Error ?? "rejected";
            var omitted = 0;
            if (i == stored - 1 && rejectedCount > stored)
            {
                omitted = rejectedCount - stored;
                reason = Summarise(reason, results, kept[i] + 1, omitted);
            }

            string text;
            string encoding;
            string scope;
            int? truncatedFrom;
            if (slices is not null)
            {
                (text, encoding, truncatedFrom) = DeadLetterBody.Encode(body[slices[i]], limits.MaxBodyBytes);
                scope = DeadLetterBodyScope.Element;
            }
            else if (i == 0)
            {
                (text, encoding, truncatedFrom) = DeadLetterBody.Encode(body, limits.MaxBodyBytes);
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
    private static string Summarise(string ownReason, IReadOnlyList<ParseResult> results, int from, int omitted)
    {
        var same = 0;
        string? firstOther = null;
        var otherCount = 0;
        int? firstIndex = null;
        var lastIndex = 0;
        for (var i = from; i < results.Count; i++)
        {
            if (results[i].IsValid)
            {
                continue;
            }

            firstIndex ??= results[i].Index;
            lastIndex = results[i].Index;
            if (string.Equals(results[i].Error, ownReason, StringComparison.Ordinal))
            {
                same++;
            }
            else
            {
                otherCount++;
                firstOther ??= results[i].Error;
            }
        }

        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{ownReason}; and {omitted:N0} more elements rejected (indexes {firstIndex}..{lastIndex}), not stored one by one: {same:N0} for the same reason");
        return otherCount == 0
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text}, {otherCount:N0} for other reasons (first: {firstOther})");
    }
}
