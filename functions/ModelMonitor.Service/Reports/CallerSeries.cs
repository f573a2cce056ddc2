namespace ModelMonitor.Service.Reports;

/// <summary>One caller's requests per hour.</summary>
/// <param name="Caller">Caller id.</param>
/// <param name="Total">Requests over the range.</param>
/// <param name="Flagged">True when an abuse episode names this caller.</param>
/// <param name="Requests">Requests per hour.</param>
public sealed record CallerSeries(string Caller, long Total, bool Flagged, IReadOnlyList<long> Requests);
