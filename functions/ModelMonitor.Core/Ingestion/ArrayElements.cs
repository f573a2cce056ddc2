using System.Text.Json;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Core.Ingestion;

/// <summary>Finds where the elements of a JSON array body lie, so a rejected element can be stored alone.</summary>
internal static class ArrayElements
{
    /// <summary>
    /// The byte ranges of the elements of the results at positions <paramref name="kept"/>, or false when the body is not a
    /// well-formed JSON array whose elements line up with the results (for instance a body only the bare-NaN rewrite
    /// made readable): the caller then stores the whole body once.
    /// </summary>
    public static bool TryLocate(ReadOnlySpan<byte> body, IReadOnlyList<ParseResult> results, List<int> kept, out Range[] slices)
    {
        var count = kept.Count;
        slices = new Range[count];
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            var index = 0;
            var wanted = 0;
            while (wanted < count && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = checked((int)reader.TokenStartIndex);
                reader.Skip();
                if (results[kept[wanted]].Index == index)
                {
                    slices[wanted++] = new Range(start, checked((int)reader.BytesConsumed));
                }
                else if (results[kept[wanted]].Index < index)
                {
                    return false;
                }

                index++;
            }

            return wanted == count;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
