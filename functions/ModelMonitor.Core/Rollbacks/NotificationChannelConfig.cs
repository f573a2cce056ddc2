namespace ModelMonitor.Core.Rollbacks;

/// <summary>One configured notification channel of the rollback section (<c>teams|slack|webhook|file</c>).</summary>
/// <param name="Type">The channel type.</param>
/// <param name="Url">Where to post (or the file path for <c>file</c>); only from configuration, never from requests.</param>
/// <param name="SecretSetting">The app setting holding the channel's HMAC secret, when it signs.</param>
/// <param name="MinSeverity">The lowest severity sent (info, warning, error, critical).</param>
public sealed record NotificationChannelConfig(string Type, string Url, string? SecretSetting, string MinSeverity);
