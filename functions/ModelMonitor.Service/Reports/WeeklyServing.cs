namespace ModelMonitor.Service.Reports;

/// <summary>
/// Requests over the 7 days to each day end, and the weekly usage-swing band: the median of the weeks before
/// (<see cref="Core.Operations.WeeklyUsage.Compare"/>) × (1 ± <paramref name="Threshold"/>).
/// </summary>
/// <param name="DayEnds">Day ends (Unix seconds) at which the weekly rule has its 14 days.</param>
/// <param name="Requests">Requests over the 7 days to each day end.</param>
/// <param name="BandLower">Baseline × (1 − threshold).</param>
/// <param name="BandUpper">Baseline × (1 + threshold).</param>
/// <param name="Threshold">The weekly threshold (the operational policy's default).</param>
public sealed record WeeklyServing(
    IReadOnlyList<long> DayEnds,
    IReadOnlyList<double> Requests,
    IReadOnlyList<double> BandLower,
    IReadOnlyList<double> BandUpper,
    double Threshold);
