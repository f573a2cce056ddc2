namespace ModelMonitor.Core.Alerts;

/// <summary>Where an alert episode is in its life; serialized in lower case.</summary>
public enum EpisodeState
{
    /// <summary>The condition holds (or has not yet been clear for enough evaluations).</summary>
    Firing = 0,

    /// <summary>Firing, and a person said they are on it: no reminders, but a severity rise and the resolution still notify.</summary>
    Acknowledged = 1,

    /// <summary>Clear for the configured number of evaluations; the condition returning opens a new episode.</summary>
    Resolved = 2,
}
