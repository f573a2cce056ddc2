namespace ModelMonitor.Service.Reports;

/// <summary>Hourly serving numbers of a model.</summary>
/// <param name="Hours">Hour starts, contiguous over the model's served range.</param>
/// <param name="Requests">Requests of all versions per hour.</param>
/// <param name="BandLower">Lower edge of the hourly usage-swing band for requests (seasonal baseline × (1 − threshold)); null without enough history.</param>
/// <param name="BandUpper">Upper edge of the same band.</param>
/// <param name="HourlyThreshold">The threshold the band is drawn with (the operational policy's default).</param>
/// <param name="Weekly">The weekly rule's comparison at each day end of the range that has 14 days of history before it.</param>
/// <param name="ByVersion">Per version: requests, error rate and latency percentiles.</param>
public sealed record ServingSection(
    IReadOnlyList<long> Hours,
    IReadOnlyList<long> Requests,
    IReadOnlyList<double?> BandLower,
    IReadOnlyList<double?> BandUpper,
    double HourlyThreshold,
    WeeklyServing Weekly,
    IReadOnlyList<VersionServing> ByVersion);
