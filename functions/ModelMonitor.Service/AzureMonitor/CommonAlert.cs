namespace ModelMonitor.Service.AzureMonitor;

/// <summary>One Azure Monitor alert as the webhook received it.</summary>
/// <param name="Essentials">The standard fields.</param>
/// <param name="AlertContextJson">The <c>alertContext</c> exactly as sent (raw JSON; its shape varies by monitoring service), or null.</param>
/// <param name="CustomProperties">The <c>customProperties</c> as text values (metric and log alert rules only).</param>
public sealed record CommonAlert(AlertEssentials Essentials, string? AlertContextJson, IReadOnlyDictionary<string, string?> CustomProperties);
