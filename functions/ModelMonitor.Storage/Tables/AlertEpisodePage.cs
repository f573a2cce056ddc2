using ModelMonitor.Core.Alerts;

namespace ModelMonitor.Storage.Tables;

/// <summary>One page of episodes from <see cref="TableAlertEpisodeStore.ListPageAsync"/>.</summary>
/// <param name="Items">The episodes, in table order (model, then condition).</param>
/// <param name="ContinuationToken">The table's token for the next page; null on the last.</param>
public sealed record AlertEpisodePage(IReadOnlyList<AlertEpisode> Items, string? ContinuationToken);
