using ModelMonitor.Core.Checks;

namespace ModelMonitor.Service.Notifications;

/// <summary>One channel of the <c>notifications</c> array: <c>{"type","url","secretSetting","minSeverity","name"}</c>.</summary>
/// <param name="Type">One of <see cref="ChannelTypes"/>.</param>
/// <param name="Url">Webhook URL (teams, slack, webhook) or file path (file; empty or "-" for standard output).</param>
/// <param name="SecretSetting">Name of the app setting holding the HMAC secret (webhook); never the secret itself.</param>
/// <param name="MinSeverity">Nothing below it is sent on this channel.</param>
/// <param name="Name">How subscriptions and outcomes name the channel; defaults to the type (then its position when repeated).</param>
public sealed record NotificationChannelConfig(string Type, string? Url, string? SecretSetting, Severity MinSeverity, string Name);
