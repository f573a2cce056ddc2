using ModelMonitor.Client;

namespace ModelMonitor.Examples.ScoringApi.Monitoring;

/// <summary>The <c>ModelMonitor</c> configuration section of the example.</summary>
public sealed class MonitoringSettings
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ModelMonitor";

    /// <summary>
    /// Where events go when Event Hubs is not configured: one JSON event per line, relative to the working folder.
    /// </summary>
    /// <value><c>monitor-events.jsonl</c>.</value>
    public string EventsFile { get; set; } = "monitor-events.jsonl";

    /// <summary>
    /// The producer's settings (<c>ModelMonitor:Producer:*</c>): with <c>FullyQualifiedNamespace</c> and
    /// <c>EventHubName</c> set, events go to Event Hubs with a <c>DefaultAzureCredential</c>; buffering and retry
    /// settings apply to every destination.
    /// </summary>
    public ModelMonitorProducerOptions Producer { get; set; } = new();

    /// <summary>True when an Event Hubs connection is configured.</summary>
    public bool UsesEventHubs =>
        !string.IsNullOrWhiteSpace(Producer.FullyQualifiedNamespace) || !string.IsNullOrWhiteSpace(Producer.ConnectionString);
}
