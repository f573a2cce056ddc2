using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Configuration;

namespace ModelMonitor.Functions.Hosting;

/// <summary>The app's services, apart from the host so tests can build the same container.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddModelMonitor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MonitorOptions>().Bind(configuration.GetSection(MonitorOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RollupOptions>().Bind(configuration.GetSection(RollupOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<MonitorMetrics>();
        services.AddSingleton(_ => StorageClientFactory.Create(configuration));
        services.AddSingleton<IWindowStore>(sp => new BlobWindowStore(sp.GetRequiredService<MonitorStorageClients>().Windows));
        services.AddSingleton<IDeadLetterStore>(sp => new BlobDeadLetterStore(sp.GetRequiredService<MonitorStorageClients>().DeadLetters));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MonitorOptions>>().Value;
            return new IngestPipeline(sp.GetRequiredService<IWindowStore>(), sp.GetRequiredService<IDeadLetterStore>(), options.GetBaseGranularity(), options.GetLimits(), options.IngestParallelism);
        });
        services.AddSingleton(sp => new SummaryReader(
            sp.GetRequiredService<MonitorStorageClients>().Windows,
            sp.GetRequiredService<IOptions<MonitorOptions>>().Value.GetBaseGranularity()));
        services.AddSingleton(sp => new RollupService(
            sp.GetRequiredService<MonitorStorageClients>().Windows,
            sp.GetRequiredService<SummaryReader>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
