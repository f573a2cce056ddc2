using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Checks;
using ModelMonitor.Service.Cycle;
using ModelMonitor.Service.Telemetry;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Configuration;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Functions.Hosting;

/// <summary>
/// The <see cref="MonitoringCycle"/> the <c>RunChecks</c> timer drives, built from the app's registered stores: the
/// summaries, references and check results, the policy store (<c>config</c> table: the <c>checks</c> section with its
/// <c>operational</c> and <c>abuse</c> members, the <c>lineage</c> section of <c>*</c>), the alert lifecycle as the
/// sink (so a run's alerts are grouped into incidents before episodes open), the callers' reputation table and the
/// clock; lookbacks and the feedback-loop delay from the <c>Checks</c> settings. Called from <c>AddModelMonitor</c>,
/// after the stores.
/// </summary>
public static class MonitoringCycleRegistration
{
    public static IServiceCollection AddMonitoringCycle(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var checks = sp.GetRequiredService<IOptions<ChecksOptions>>().Value;
            var clients = sp.GetRequiredService<MonitorStorageClients>();
            var metrics = sp.GetRequiredService<MonitorMetrics>();
            return new MonitoringCycle(
                clients.Windows,
                sp.GetRequiredService<SummaryReader>(),
                sp.GetRequiredService<ReferenceStore>(),
                sp.GetRequiredService<CheckResultStore>(),
                sp.GetRequiredService<IModelConfigStore>(),
                sp.GetRequiredService<IAlertSink>(),
                sp.GetRequiredService<TimeProvider>(),
                new MonitoringCycleOptions
                {
                    CheckPolicy = sp.GetRequiredService<CheckPolicy>(),
                    ChecksLookback = TimeSpan.FromHours(checks.LookbackHours),
                    LabelLookback = TimeSpan.FromDays(checks.LabelLookbackDays),
                    FeedbackOutcomeDelay = TimeSpan.FromHours(checks.FeedbackLoopOutcomeDelayHours),
                    // The cycle's found alerts are not episodes yet: RunChecks counts modelmonitor.alerts.raised from the opened ones.
                    CheckEvaluated = (result, _) => metrics.RecordDrift(result),
                },
                sp.GetRequiredService<ILoggerFactory>(),
                new CheckRunTelemetry(sp.GetRequiredService<AlertMetrics>(), metrics.ChecksFailed),
                new CallerReputationUpdater(
                    new TableReputationStore(clients.Table(TableReputationStore.TableName)),
                    ReputationPolicy.Default));
        });
        return services;
    }
}
