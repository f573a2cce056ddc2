using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace ModelMonitor.Storage.Configuration;

/// <summary>
/// Builds storage clients from a connection setting the way the Functions host reads its own:
/// either <c>{name}</c> holds a connection string (local: <c>UseDevelopmentStorage=true</c>), or
/// <c>{name}__blobServiceUri</c>/<c>{name}__tableServiceUri</c> with <c>{name}__credential=managedidentity</c>
/// and optional <c>{name}__clientId</c> for a user-assigned identity.
/// </summary>
public static class StorageClientFactory
{
    public const string DefaultConnectionName = "MonitorStorage";

    public static MonitorStorageClients Create(IConfiguration configuration, string connectionName = DefaultConnectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[connectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(connectionName);
        var blobUri = section["blobServiceUri"];
        var tableUri = section["tableServiceUri"];
        if (string.IsNullOrWhiteSpace(blobUri) || string.IsNullOrWhiteSpace(tableUri))
        {
            throw new InvalidOperationException(
                $"Storage connection '{connectionName}' is not configured: set '{connectionName}' to a connection string, or '{connectionName}__blobServiceUri' and '{connectionName}__tableServiceUri' for an identity-based connection.");
        }

        var credential = CreateCredential(section["credential"], section["clientId"]);
        return new MonitorStorageClients(new BlobServiceClient(new Uri(blobUri), credential), new TableServiceClient(new Uri(tableUri), credential));
    }

    public static MonitorStorageClients FromConnectionString(string connectionString) =>
        new(new BlobServiceClient(connectionString), new TableServiceClient(connectionString));

    private static TokenCredential CreateCredential(string? kind, string? clientId)
    {
        if (string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential();
    }
}
