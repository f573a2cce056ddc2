using ModelMonitor.Cli.Hosting;
using ModelMonitor.Service.Reports;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Cli.Report;

/// <summary>
/// Writes <c>report.html</c> from the stores of an account: the one call the local run, a replay and the
/// <c>report</c> command share.
/// </summary>
public static class ReportWriter
{
    /// <returns>The model that was written (for a summary line).</returns>
    public static async Task<ReportModel> WriteAsync(CliStorage storage, string path, ReportRequest request, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var builder = new ReportModelBuilder(
            storage.Reader,
            new CheckResultStore(storage.Clients.CheckResults),
            new TableAlertEpisodeStore(storage.Clients.Table(TableAlertSink.TableName)),
            new TableRollbackAuditStore(storage.Clients.Table(TableRollbackAuditStore.TableName)),
            timeProvider);
        var model = await builder.BuildAsync(request, cancellationToken);
        var title = request.ModelIds.Count == 0 ? "ModelMonitor report" : $"ModelMonitor report: {string.Join(", ", request.ModelIds)}";
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, ReportHtml.Render(model, title), cancellationToken);
        return model;
    }
}
