namespace ModelMonitor.Service.Notifications;

/// <summary>What one channel did with a notification.</summary>
/// <param name="Channel">The channel's name or type (teams, slack, webhook, file).</param>
/// <param name="Delivered">Whether it was accepted.</param>
/// <param name="Attempts">Sends tried, retries included.</param>
/// <param name="Error">Why it failed; null when delivered.</param>
public sealed record NotificationOutcome(string Channel, bool Delivered, int Attempts, string? Error = null);
