namespace ModelMonitor.Service.Alerts;

/// <summary>
/// Lists and acknowledges alerts for the ops API: <see cref="EpisodeAlertBook"/> over the alert episodes.
/// </summary>
public interface IAlertBook
{
    /// <summary>A page of alerts, optionally of one model and state (open, acknowledged).</summary>
    Task<AlertPage> ListAsync(string? modelId, string? state, int maxPageSize, string? continuationToken, CancellationToken cancellationToken = default);

    /// <returns>The acknowledged alert, or null when there is no such alert.</returns>
    Task<AlertRecord?> AcknowledgeAsync(string id, string by, CancellationToken cancellationToken = default);
}
