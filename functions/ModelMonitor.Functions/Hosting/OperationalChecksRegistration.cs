using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Recommenders;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Checks;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Configuration;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Functions.Hosting;

/// <summary>
/// The runners of the operational, abuse and feedback-loop timers, with their per-model policies read from the policy
/// store (<c>config</c> table, <c>checks</c> section, members <c>operational</c> and <c>abuse</c>; <c>*</c> holds the
/// defaults). Also makes the statistical <see cref="CheckRunner"/> read its per-model policy from the store and
/// re-evaluate model quality of days whose labels arrived late. Called from <c>AddModelMonitor</c>, after the stores.
/// </summary>
public static class OperationalChecksRegistration
{
    public static IServiceCollection AddOperationalChecks(this IServiceCollection services)
    {
        services.AddSingleton<IOperationalPolicySource>(sp => new ConfigStoreOperationalPolicySource(
            sp.GetRequiredService<IModelConfigStore>(), sp.GetRequiredService<ILogger<ConfigStoreOperationalPolicySource>>()));
        services.AddSingleton<IAbusePolicySource>(sp => new ConfigStoreAbusePolicySource(
            sp.GetRequiredService<IModelConfigStore>(), sp.GetRequiredService<ILogger<ConfigStoreAbusePolicySource>>()));
        services.AddSingleton(sp => new OperationalCheckRunner(
            sp.GetRequiredService<SummaryReader>(),
            sp.GetRequiredService<IOperationalPolicySource>(),
            sp.GetRequiredService<IAlertSink>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OperationalCheckRunner>>()));
        services.AddSingleton(sp => new AbuseCheckRunner(
            sp.GetRequiredService<SummaryReader>(),
            AbusePolicy.Default,
            sp.GetRequiredService<IAlertSink>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AbuseCheckRunner>>(),
            policies: sp.GetRequiredService<IAbusePolicySource>(),
            reputations: new CallerReputationUpdater(
                new TableReputationStore(sp.GetRequiredService<MonitorStorageClients>().Tables.GetTableClient(TableReputationStore.TableName)),
                ReputationPolicy.Default)));
        services.AddSingleton(sp => new FeedbackLoopRunner(
            sp.GetRequiredService<SummaryReader>(),
            sp.GetRequiredService<IAlertSink>(),
            sp.GetRequiredService<TimeProvider>(),
            FeedbackLoopPolicy.Default,
            TimeSpan.FromHours(sp.GetRequiredService<IOptions<ChecksOptions>>().Value.FeedbackLoopOutcomeDelayHours),
            sp.GetRequiredService<ILogger<FeedbackLoopRunner>>()));

        // Replaces AddModelMonitor's CheckRunner: the same runner, plus the policy store and the label lookback.
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ChecksOptions>>().Value;
            return new CheckRunner(
                sp.GetRequiredService<SummaryReader>(),
                sp.GetRequiredService<ReferenceStore>(),
                sp.GetRequiredService<CheckResultStore>(),
                sp.GetRequiredService<IAlertSink>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<CheckPolicy>(),
                TimeSpan.FromHours(options.LookbackHours),
                evaluated: sp.GetRequiredService<MonitorMetrics>().RecordCheck,
                logger: sp.GetRequiredService<ILogger<CheckRunner>>(),
                configs: sp.GetRequiredService<IModelConfigStore>(),
                labelLookback: TimeSpan.FromDays(options.LabelLookbackDays));
        }));
        return services;
    }
}
