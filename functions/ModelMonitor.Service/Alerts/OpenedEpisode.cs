using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;

namespace ModelMonitor.Service.Alerts;

/// <summary>An alert that opened an episode, and the episode as written (with its incident); null for sinks without episodes.</summary>
public sealed record OpenedEpisode(MonitorAlert Alert, AlertEpisode? Episode);
