using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ModelMonitor.Cli.Replay;

/// <summary>
/// Reads a JSON Lines file for a replay and orders it by event time, so the simulated clock can move forward through
/// it. The order is stable (equal times keep file order) and lines without a readable time come first: they are
/// ingested at the first step, where the pipeline dead-letters them with their reason as <c>ingest</c> would.
/// </summary>
internal static class ReplayEventFile
{
    public static async Task<IReadOnlyList<ReplayEvent>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var events = new List<ReplayEvent>();
        long number = 0;
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var body = Encoding.UTF8.GetBytes(line);
            events.Add(new ReplayEvent(number, body, TimeOf(body)));
        }

        // OrderBy is stable: equal times keep their file order.
        return [.. events.OrderBy(e => e.Time ?? DateTimeOffset.MinValue)];
    }

    /// <summary>The earliest event time in a message body: <c>observedAt</c> (outcomes arrive then), else <c>timestamp</c>.</summary>
    internal static DateTimeOffset? TimeOf(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read())
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return ReadObject(ref reader);
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            DateTimeOffset? earliest = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject && ReadObject(ref reader) is { } time && (earliest is null || time < earliest))
                {
                    earliest = time;
                }
                else if (reader.TokenType is JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }

            return earliest;
        }
        catch (JsonException)
        {
            // Not JSON, but perhaps what the pipeline accepts (Python's bare NaN): find the time members by name.
            return Find(body, "\"observedAt\""u8) ?? Find(body, "\"timestamp\""u8);
        }
    }

    private static DateTimeOffset? Find(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name)
    {
        var at = body.IndexOf(name);
        if (at < 0)
        {
            return null;
        }

        var rest = body[(at + name.Length)..].TrimStart(" \t"u8);
        if (rest.Length == 0 || rest[0] != (byte)':')
        {
            return null;
        }

        rest = rest[1..].TrimStart(" \t"u8);
        if (rest.Length == 0 || rest[0] != (byte)'"' || rest[1..].IndexOf((byte)'"') is not (> 0 and var end))
        {
            return null;
        }

        return Parse(Encoding.UTF8.GetString(rest.Slice(1, end)));
    }

    // Reads one object from its StartObject to its EndObject; only its own top-level members count.
    private static DateTimeOffset? ReadObject(ref Utf8JsonReader reader)
    {
        DateTimeOffset? timestamp = null;
        DateTimeOffset? observedAt = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTimestamp = reader.ValueTextEquals("timestamp"u8);
            var isObservedAt = reader.ValueTextEquals("observedAt"u8);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && (isTimestamp || isObservedAt) && Parse(reader.GetString()) is { } time)
            {
                if (isTimestamp)
                {
                    timestamp = time;
                }
                else
                {
                    observedAt = time;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return observedAt ?? timestamp;
    }

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time.ToUniversalTime() : null;
}
