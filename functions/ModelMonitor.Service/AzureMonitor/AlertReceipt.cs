namespace ModelMonitor.Service.AzureMonitor;

/// <summary>One received alert, as recorded.</summary>
/// <param name="Essentials">The alert's essentials.</param>
/// <param name="ModelId">The matched target's model, or null.</param>
/// <param name="Action">What the webhook did (<see cref="AzureAlertActions"/>).</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record AlertReceipt(AlertEssentials Essentials, string? ModelId, string Action, DateTimeOffset ReceivedAt);
