namespace ModelMonitor.Service.Reports;

/// <summary>
/// Everything <c>report.html</c> shows, read back from the stores after a run (see <see cref="ReportModelBuilder"/>), so the
/// local run, a replay and the standalone <c>modelmonitor report</c> command draw the same page from the same data.
/// Times are Unix seconds (what the charts plot); a missing number is null.
/// </summary>
/// <param name="GeneratedAt">When the report was assembled.</param>
/// <param name="From">Start of the reported range.</param>
/// <param name="To">End of the reported range (exclusive).</param>
/// <param name="Models">One entry per model, by id.</param>
/// <param name="Incidents">Alert episodes grouped into incidents, newest first.</param>
public sealed record ReportModel(long GeneratedAt, long From, long To, IReadOnlyList<ModelSection> Models, IReadOnlyList<ReportIncident> Incidents);
