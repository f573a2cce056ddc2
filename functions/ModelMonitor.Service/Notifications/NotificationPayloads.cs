using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ModelMonitor.Service.Notifications;

/// <summary>The JSON bodies each channel type sends (shapes from Microsoft's and Slack's docs).</summary>
public static class NotificationPayloads
{
    /// <summary>Teams Workflows webhook: a message with one Adaptive Card (1.4) attachment.</summary>
    public static byte[] Teams(Notification n) => Write(w =>
    {
        ArgumentNullException.ThrowIfNull(n);
        w.WriteString("type", "message");
        w.WriteStartArray("attachments");
        w.WriteStartObject();
        w.WriteString("contentType", "application/vnd.microsoft.card.adaptive");
        w.WriteStartObject("content");
        w.WriteString("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        w.WriteString("type", "AdaptiveCard");
        w.WriteString("version", "1.4");
        w.WriteStartArray("body");
        TextBlock(w, n.Title, bold: true);
        TextBlock(w, n.Text, bold: false);
        if (n.Evidence is { Count: > 0 } evidence)
        {
            w.WriteStartObject();
            w.WriteString("type", "FactSet");
            w.WriteStartArray("facts");
            foreach ((string key, double? value) in evidence)
            {
                w.WriteStartObject();
                w.WriteString("title", key);
                w.WriteString("value", Format(value));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (n.Links is { Count: > 0 } links)
        {
            w.WriteStartArray("actions");
            foreach ((string title, string url) in links)
            {
                w.WriteStartObject();
                w.WriteString("type", "Action.OpenUrl");
                w.WriteString("title", title);
                w.WriteString("url", url);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    });

    /// <summary>Slack incoming webhook: <c>text</c> as the fallback and one mrkdwn section block.</summary>
    public static byte[] Slack(Notification n) => Write(w =>
    {
        ArgumentNullException.ThrowIfNull(n);
        w.WriteString("text", n.Title);
        w.WriteStartArray("blocks");
        w.WriteStartObject();
        w.WriteString("type", "section");
        w.WriteStartObject("text");
        w.WriteString("type", "mrkdwn");
        var text = new StringBuilder().Append('*').Append(n.Title).Append("*\n").Append(n.Text);
        foreach ((string title, string url) in n.Links ?? new Dictionary<string, string>())
        {
            text.Append("\n<").Append(url).Append('|').Append(title).Append('>');
        }

        w.WriteString("text", text.ToString());
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    });

    /// <summary>Generic webhook and file lines: the notification itself as flat JSON.</summary>
    public static byte[] Generic(Notification n) => Write(w =>
    {
        ArgumentNullException.ThrowIfNull(n);
        w.WriteString("category", n.Category);
        w.WriteString("title", n.Title);
        w.WriteString("text", n.Text);
        w.WriteString("severity", n.Severity.ToString().ToLowerInvariant());
        w.WriteString("modelId", n.ModelId);
        w.WriteString("kind", n.Kind);
        w.WriteString("episodeId", n.EpisodeId);
        w.WriteStartObject("evidence");
        foreach ((string key, double? value) in n.Evidence ?? new Dictionary<string, double?>())
        {
            if (value is { } v)
            {
                w.WriteNumber(key, v);
            }
            else
            {
                w.WriteNull(key);
            }
        }

        w.WriteEndObject();
        w.WriteStartObject("links");
        foreach ((string title, string url) in n.Links ?? new Dictionary<string, string>())
        {
            w.WriteString(title, url);
        }

        w.WriteEndObject();
    });

    private static void TextBlock(Utf8JsonWriter w, string text, bool bold)
    {
        w.WriteStartObject();
        w.WriteString("type", "TextBlock");
        w.WriteString("text", text);
        w.WriteBoolean("wrap", true);
        if (bold)
        {
            w.WriteString("weight", "Bolder");
        }

        w.WriteEndObject();
    }

    private static string Format(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "n/a";

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
