namespace ModelMonitor.Core.Alerts;

/// <summary>An episode as read from a store, with the opaque version a conditional write must present.</summary>
/// <param name="Episode">The condition's current (or last) episode.</param>
/// <param name="Version">Opaque version (an ETag).</param>
public sealed record StoredEpisode(AlertEpisode Episode, string Version);
