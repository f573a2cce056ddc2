using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Checks;
using ModelMonitor.Service.Ingestion;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Service.Telemetry;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Configuration;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Functions.Hosting;

/// <summary>The app's services, apart from the host so tests can build the same container.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddModelMonitor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MonitorOptions>().Bind(configuration.GetSection(MonitorOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChecksOptions>().Bind(configuration.GetSection(ChecksOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RollupOptions>().Bind(configuration.GetSection(RollupOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<MonitorMetrics>();
        services.AddSingleton(_ => StorageClientFactory.Create(configuration));
        services.AddSingleton<IWindowStore>(sp => new BlobWindowStore(
            sp.GetRequiredService<MonitorStorageClients>().Windows,
            sp.GetService<ILoggerFactory>()?.CreateLogger<BlobWindowStore>()));
        services.AddSingleton(_ => new WindowCache());
        services.AddSingleton<IDeadLetterStore>(sp => new BlobDeadLetterStore(sp.GetRequiredService<MonitorStorageClients>().DeadLetters));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MonitorOptions>>().Value;
            return new IngestPipeline(sp.GetRequiredService<IWindowStore>(), sp.GetRequiredService<IDeadLetterStore>(), options.GetBaseGranularity(), options.GetLimits(), options.IngestParallelism, sp.GetRequiredService<WindowCache>());
        });
        services.AddSingleton(sp => new BatchQuarantine(sp.GetRequiredService<IDeadLetterStore>()));
        services.AddSingleton(sp => new SummaryReader(
            sp.GetRequiredService<MonitorStorageClients>().Windows,
            sp.GetRequiredService<IOptions<MonitorOptions>>().Value.GetBaseGranularity()));
        services.AddSingleton(sp => new RollupService(
            sp.GetRequiredService<MonitorStorageClients>().Windows,
            sp.GetRequiredService<SummaryReader>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ReferenceStore(sp.GetRequiredService<MonitorStorageClients>().References));
        services.AddSingleton(sp => new CheckResultStore(sp.GetRequiredService<MonitorStorageClients>().CheckResults));
        services.AddAlertLifecycle(configuration);
        services.AddAutoRollback();
        services.AddSingleton(CheckPolicy.Default);
        services.AddMonitoringCycle();
        services.AddOpsApi(configuration);
        services.AddRollbacks(configuration);
        return services;
    }

    /// <summary>
    /// Episodes in the <c>alerts</c> table, routed notifications from the policy store's <c>notifications</c> section,
    /// secrets read by setting name from configuration, outcomes recorded beside the episodes.
    /// </summary>
    private static void AddAlertLifecycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotifierOptions>().Bind(configuration.GetSection("Notifications")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertMetrics>();
        services.AddSingleton<IModelConfigStore>(sp => new TableModelConfigStore(sp.GetRequiredService<MonitorStorageClients>().Table(TableModelConfigStore.TableName)));
        services.AddSingleton(sp => new TableAlertEpisodeStore(sp.GetRequiredService<MonitorStorageClients>().Table(TableAlertSink.TableName)));
        services.AddSingleton<IAlertEpisodeStore>(sp => sp.GetRequiredService<TableAlertEpisodeStore>());
        services.AddSingleton<INotificationLog>(sp => new TableNotificationLog(
            sp.GetRequiredService<MonitorStorageClients>().Table(TableAlertSink.TableName), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new NotificationChannelFactory(new HttpClient(), name => configuration[name], sp.GetRequiredService<TimeProvider>(), Console.Out));
        services.AddSingleton<INotifier>(sp => new RoutingNotifier(
            new StoreNotificationPolicySource(sp.GetRequiredService<IModelConfigStore>()),
            sp.GetRequiredService<NotificationChannelFactory>().Create,
            sp.GetRequiredService<INotificationLog>(),
            sp.GetRequiredService<IOptions<NotifierOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RoutingNotifier>>(),
            sp.GetRequiredService<AlertMetrics>()));
        services.AddSingleton(sp => new AlertLifecycle(
            sp.GetRequiredService<IAlertEpisodeStore>(),
            sp.GetRequiredService<INotifier>(),
            sp.GetRequiredService<TimeProvider>(),
            EpisodeOptions.Default,
            sp.GetRequiredService<ILogger<AlertLifecycle>>(),
            sp.GetRequiredService<AlertMetrics>()));
        services.AddSingleton<IAlertSink>(sp => sp.GetRequiredService<AlertLifecycle>());
    }
}
