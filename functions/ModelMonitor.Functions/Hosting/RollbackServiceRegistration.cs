using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Http;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Rollbacks.Arm;
using ModelMonitor.Service.Rollbacks.Orchestration;
using ModelMonitor.Service.Rollbacks.Probes;
using ModelMonitor.Service.Rollbacks.Versions;
using ModelMonitor.Service.Telemetry;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Configuration;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Functions.Hosting;

/// <summary>
/// The rollback orchestration's services: options from <c>Rollback__*</c> (validated at start-up), the managed
/// identity for ARM, named HTTP clients with timeouts for ARM and the scoring endpoints, and the activities over the
/// monitoring storage (golden examples in blobs, version history and error rates from the summaries, the audit table).
/// </summary>
public static class RollbackServiceRegistration
{
    /// <summary>Named HTTP client of the ARM slot client.</summary>
    public const string ArmClient = "arm";

    /// <summary>Named HTTP client of the scoring and health probes.</summary>
    public const string ScoringClient = "scoring";

    /// <summary>How far back the version history looks for slot sightings.</summary>
    public static readonly TimeSpan VersionHistoryLookback = TimeSpan.FromDays(30);

    public static IServiceCollection AddRollbacks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RollbackOptions>().Bind(configuration.GetSection(RollbackOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RollbackOptions>>().Value);
        services.AddSingleton(_ => new HttpRetryOptions());
        services.AddSingleton<TokenCredential>(sp => CreateCredential(sp.GetRequiredService<RollbackOptions>().ManagedIdentityClientId));

        // The per-attempt timeout is HttpRetryOptions.AttemptTimeout; the client's own is a backstop over all attempts.
        services.AddHttpClient(ArmClient, client => client.Timeout = TimeSpan.FromMinutes(2));
        services.AddHttpClient(ScoringClient, client => client.Timeout = TimeSpan.FromMinutes(2));
        services.AddSingleton(sp => new ArmSlotClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ArmClient), sp.GetRequiredService<TokenCredential>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<HttpRetryOptions>()));
        services.AddSingleton(sp => new ScoringProbe(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ScoringClient), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<HttpRetryOptions>()));
        services.AddSingleton<IGoldenExampleSource>(sp => new BlobGoldenExampleSource(sp.GetRequiredService<MonitorStorageClients>().Blobs));
        services.AddSingleton<IVersionHistory>(sp => new SummaryVersionHistory(sp.GetRequiredService<SummaryReader>(), sp.GetRequiredService<TimeProvider>(), VersionHistoryLookback));
        services.AddSingleton<IErrorRateSource>(sp => new SummaryErrorRateSource(sp.GetRequiredService<SummaryReader>()));
        services.AddSingleton<IRollbackAuditStore>(sp => new TableRollbackAuditStore(sp.GetRequiredService<MonitorStorageClients>().Table(TableRollbackAuditStore.TableName)));
        services.AddSingleton<RollbackMetrics>();
        services.AddSingleton(sp => new RollbackActivities(
            sp.GetRequiredService<ArmSlotClient>(),
            sp.GetRequiredService<ScoringProbe>(),
            sp.GetRequiredService<IGoldenExampleSource>(),
            sp.GetRequiredService<IVersionHistory>(),
            sp.GetRequiredService<IErrorRateSource>(),
            sp.GetRequiredService<INotifier>(),
            sp.GetRequiredService<IRollbackAuditStore>(),
            sp.GetRequiredService<RollbackMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RollbackActivities>>()));
        services.AddSingleton<IRollbackTargetSource>(sp => new StoreRollbackTargetSource(sp.GetRequiredService<IModelConfigStore>()));
        services.AddSingleton<RollbackStarters>();
        return services;
    }

    /// <summary>A user-assigned identity when its client id is set, else the default chain (managed identity in Azure, developer sign-in locally).</summary>
    private static TokenCredential CreateCredential(string? clientId) =>
        string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
}
