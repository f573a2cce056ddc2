namespace ModelMonitor.Service.Notifications;

/// <summary>What one channel did with a notification.</summary>
/// <param name="Channel">The channel's name (type by default: teams, slack, webhook, file); never its URL.</param>
/// <param name="Delivered">Whether it was accepted.</param>
/// <param name="Attempts">Sends tried, retries included.</param>
/// <param name="Error">Why it failed; null when delivered.</param>
/// <param name="Subscribers">The subscribers whose subscriptions routed it there; empty for an unsubscribed channel.</param>
public sealed record NotificationOutcome(string Channel, bool Delivered, int Attempts, string? Error = null, IReadOnlyList<string>? Subscribers = null);
