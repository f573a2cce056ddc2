namespace ModelMonitor.Core.Checks;

/// <summary>
/// Click-through of a recommender in one window. Impressions are counted on prediction events and clicks on outcome
/// events of the same window, so the latest windows read low until their outcomes have arrived.
/// </summary>
/// <param name="Clicks">Clicked items over the window's outcomes.</param>
/// <param name="Impressions">Items shown over the window's predictions.</param>
/// <param name="Ctr">Clicks / Impressions; null without impressions.</param>
public sealed record ClickThroughQuality(long Clicks, long Impressions, double? Ctr);
