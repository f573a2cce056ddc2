namespace ModelMonitor.Service.Notifications;

/// <summary>Channel types of <see cref="NotificationChannelConfig.Type"/>.</summary>
public static class ChannelTypes
{
    /// <summary>Microsoft Teams Workflows webhook, Adaptive Card payload.</summary>
    public const string Teams = "teams";

    /// <summary>Slack incoming webhook, <c>text</c> + <c>blocks</c>.</summary>
    public const string Slack = "slack";

    /// <summary>Generic JSON webhook, HMAC-SHA256 signed when a secret setting is named.</summary>
    public const string Webhook = "webhook";

    /// <summary>JSON lines to a file or standard output, for local runs.</summary>
    public const string File = "file";

    public static IReadOnlyList<string> All { get; } = [Teams, Slack, Webhook, File];
}
