namespace ModelMonitor.Core.Alerts;

/// <summary>What a transition asks to tell people; <see cref="None"/> when nothing is news.</summary>
public enum EpisodeNotice
{
    /// <summary>Nothing to send.</summary>
    None = 0,

    /// <summary>A new episode opened.</summary>
    Opened = 1,

    /// <summary>The episode's severity rose above the last notified severity (sent even within the cooldown).</summary>
    SeverityRaised = 2,

    /// <summary>Still firing after the cooldown since the last notification (never for acknowledged episodes).</summary>
    Reminder = 3,

    /// <summary>The episode resolved.</summary>
    Resolved = 4,
}
