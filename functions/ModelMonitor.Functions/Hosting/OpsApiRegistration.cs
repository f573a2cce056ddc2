using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Service.Blocklist;
using ModelMonitor.Service.Security;
using ModelMonitor.Service.Summaries;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Configuration;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Functions.Hosting;

/// <summary>
/// The ops API's services; registers the Table <see cref="IModelConfigStore"/> unless one is registered already. The
/// Azure Monitor handler needs a rollback starter, built per call from the function's DurableTask client
/// (<see cref="RollbackStarters"/>), so it is not registered here.
/// </summary>
public static class OpsApiRegistration
{
    public static IServiceCollection AddOpsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IModelConfigStore>(sp => new TableModelConfigStore(sp.GetRequiredService<MonitorStorageClients>().Table(TableModelConfigStore.TableName)));
        services.AddOptions<WebhookAuthOptions>().Bind(configuration.GetSection(WebhookAuthOptions.SectionName));
        services.AddHttpClient(nameof(WebhookAuthenticator), client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(sp => new WebhookAuthenticator(
            sp.GetRequiredService<IOptions<WebhookAuthOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(WebhookAuthenticator))));
        services.AddSingleton<IRollbackTargets>(sp => new StoredRollbackTargets(sp.GetRequiredService<IModelConfigStore>()));
        services.AddSingleton<IAlertReceiptLog>(sp => new TableAlertReceiptLog(sp.GetRequiredService<MonitorStorageClients>().Table(TableAlertReceiptLog.TableName)));
        services.AddSingleton<IAlertBook>(sp => new EpisodeAlertBook(sp.GetRequiredService<TableAlertEpisodeStore>(), sp.GetRequiredService<AlertLifecycle>()));
        services.AddSingleton(sp => new RangeSummaries(sp.GetRequiredService<SummaryReader>(), sp.GetRequiredService<ReferenceStore>()));
        services.AddSingleton(sp => new TableBlocklist(sp.GetRequiredService<MonitorStorageClients>().Table(TableBlocklist.TableName)));
        return services;
    }
}
