using System.Text.Json;
using ModelMonitor.Core.Checks;

namespace ModelMonitor.Service.Notifications;

/// <summary>
/// The <c>notifications</c> section of the policy store:
/// <c>{"notifications":[{"type":"teams|slack|webhook|file","url":"…","secretSetting":"…","minSeverity":"…","name":"…"}],
/// "subscriptions":[{"subscriber":"…","channel":"…","model":"*","kind":"*","minSeverity":"…","thresholds":{"feature-drift":"error"}}]}</c>.
/// A channel no subscription names receives every notification at or above its minimum severity; a channel that
/// subscriptions name receives only what one of them matches.
/// </summary>
public sealed record NotificationPolicy(IReadOnlyList<NotificationChannelConfig> Channels, IReadOnlyList<NotificationSubscription> Subscriptions)
{
    /// <summary>No channels: nothing is sent.</summary>
    public static NotificationPolicy Empty { get; } = new([], []);

    /// <summary>The channels <paramref name="notification"/> goes to, each with the subscribers that matched (empty for an unsubscribed channel).</summary>
    public IReadOnlyList<(NotificationChannelConfig Channel, IReadOnlyList<string> Subscribers)> Route(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var routed = new List<(NotificationChannelConfig, IReadOnlyList<string>)>();
        foreach (var channel in Channels.Where(c => notification.Severity >= c.MinSeverity))
        {
            var subscriptions = Subscriptions.Where(s => s.Channel == channel.Name).ToList();
            if (subscriptions.Count == 0)
            {
                routed.Add((channel, []));
                continue;
            }

            var matched = subscriptions.Where(s => s.Matches(notification)).Select(s => s.Subscriber).Distinct(StringComparer.Ordinal).ToList();
            if (matched.Count > 0)
            {
                routed.Add((channel, matched));
            }
        }

        return routed;
    }

    /// <summary>Merges defaults (model <c>*</c>) with a model's own document: channels and subscriptions of both apply.</summary>
    public NotificationPolicy Merge(NotificationPolicy other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var names = Channels.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return new([.. Channels, .. other.Channels.Where(c => !names.Contains(c.Name))], [.. Subscriptions, .. other.Subscriptions]);
    }

    /// <summary>Parses and validates; every problem is reported with its JSON path, nothing is half-applied.</summary>
    public static NotificationPolicyParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return new(null, [$"$: not valid JSON ({ex.Message})"]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new(null, ["$: expected an object with \"notifications\" and \"subscriptions\" arrays"]);
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("notifications" or "subscriptions"))
                {
                    errors.Add($"$.{property.Name}: unknown property (expected \"notifications\" or \"subscriptions\")");
                }
            }

            var channels = ParseChannels(root, errors);
            var subscriptions = ParseSubscriptions(root, channels, errors);
            return errors.Count > 0 ? new(null, errors) : new(new NotificationPolicy(channels, subscriptions), []);
        }
    }

    private static List<NotificationChannelConfig> ParseChannels(JsonElement root, List<string> errors)
    {
        var channels = new List<NotificationChannelConfig>();
        if (!root.TryGetProperty("notifications", out var array))
        {
            return channels;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add("$.notifications: expected an array of channels");
            return channels;
        }

        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            string path = $"$.notifications[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{path}: expected an object");
                continue;
            }

            Unknown(item, path, errors, "type", "url", "secretSetting", "minSeverity", "name");
            string? type = Text(item, "type", path, errors);
            string? url = Text(item, "url", path, errors);
            string? secret = Text(item, "secretSetting", path, errors);
            var min = SeverityOf(item, "minSeverity", path, errors) ?? Severity.Warning;
            string? name = Text(item, "name", path, errors);
            if (type is null || !ChannelTypes.All.Contains(type))
            {
                errors.Add($"{path}.type: required, one of {string.Join('|', ChannelTypes.All)}");
                continue;
            }

            if (type != ChannelTypes.File && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                errors.Add($"{path}.url: required for {type}, an absolute http(s) URL");
            }

            if (secret is not null && type != ChannelTypes.Webhook)
            {
                errors.Add($"{path}.secretSetting: only webhook channels are signed");
            }

            name ??= channels.Any(c => c.Name == type) ? $"{type}-{index - 1}" : type;
            if (channels.Any(c => c.Name == name))
            {
                errors.Add($"{path}.name: '{name}' names another channel already");
            }

            channels.Add(new NotificationChannelConfig(type, url, secret, min, name));
        }

        return channels;
    }

    private static List<NotificationSubscription> ParseSubscriptions(JsonElement root, List<NotificationChannelConfig> channels, List<string> errors)
    {
        var subscriptions = new List<NotificationSubscription>();
        if (!root.TryGetProperty("subscriptions", out var array))
        {
            return subscriptions;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add("$.subscriptions: expected an array");
            return subscriptions;
        }

        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            string path = $"$.subscriptions[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{path}: expected an object");
                continue;
            }

            Unknown(item, path, errors, "subscriber", "channel", "model", "kind", "minSeverity", "thresholds");
            string? subscriber = Text(item, "subscriber", path, errors);
            string? channel = Text(item, "channel", path, errors);
            string model = Text(item, "model", path, errors) ?? "*";
            string kind = Text(item, "kind", path, errors) ?? "*";
            var min = SeverityOf(item, "minSeverity", path, errors) ?? Severity.Warning;
            if (string.IsNullOrWhiteSpace(subscriber))
            {
                errors.Add($"{path}.subscriber: required");
            }

            if (channel is null || !channels.Any(c => c.Name == channel))
            {
                errors.Add($"{path}.channel: required, the name of a channel in $.notifications ({string.Join(", ", channels.Select(c => c.Name))})");
            }

            if (kind != "*" && !AlertKind.All.Contains(kind))
            {
                errors.Add($"{path}.kind: '{kind}' is not an alert kind ({string.Join(", ", AlertKind.All)}) or *");
            }

            var thresholds = new Dictionary<string, Severity>(StringComparer.Ordinal);
            if (item.TryGetProperty("thresholds", out var t))
            {
                if (t.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{path}.thresholds: expected an object of kind → minimum severity");
                }
                else
                {
                    foreach (var entry in t.EnumerateObject())
                    {
                        if (!AlertKind.All.Contains(entry.Name))
                        {
                            errors.Add($"{path}.thresholds.{entry.Name}: not an alert kind");
                        }
                        else if (SeverityOf(t, entry.Name, $"{path}.thresholds", errors) is { } s)
                        {
                            thresholds[entry.Name] = s;
                        }
                    }
                }
            }

            subscriptions.Add(new NotificationSubscription(subscriber ?? string.Empty, channel ?? string.Empty, model, kind, min, thresholds));
        }

        return subscriptions;
    }

    private static void Unknown(JsonElement item, string path, List<string> errors, params string[] known)
    {
        foreach (var property in item.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            errors.Add($"{path}.{property.Name}: unknown property (expected {string.Join(", ", known)})");
        }
    }

    private static string? Text(JsonElement item, string name, string path, List<string> errors)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}.{name}: expected a string");
            return null;
        }

        return value.GetString();
    }

    private static Severity? SeverityOf(JsonElement item, string name, string path, List<string> errors)
    {
        string? text = Text(item, name, path, errors);
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<Severity>(text, ignoreCase: true, out var severity) && Enum.IsDefined(severity) && !int.TryParse(text, out _))
        {
            return severity;
        }

        errors.Add($"{path}.{name}: '{text}' is not a severity (info, warning, error, critical)");
        return null;
    }
}
