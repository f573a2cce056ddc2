using Azure.Storage.Blobs;
using ModelMonitor.Storage.Configuration;

namespace ModelMonitor.Storage.Tests;

/// <summary>
/// Connects to the Azurite that ./infra/test.sh (and CI) starts. Each test class gets its own containers,
/// named with a unique prefix, so tests never see each other's blobs.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    public BlobServiceClient Service { get; } = new(ConnectionString);

    public async Task<BlobContainerClient> NewContainerAsync(string role)
    {
        var container = Service.GetBlobContainerClient($"t{Guid.NewGuid():N}"[..20] + role);
        try
        {
            await container.CreateIfNotExistsAsync();
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or HttpRequestException)
        {
            throw new InvalidOperationException("Azurite is not reachable on 127.0.0.1:10000. Start it with ./infra/azurite.sh start (./infra/test.sh does this).", ex);
        }

        return container;
    }

    public static MonitorStorageClients Clients() => StorageClientFactory.FromConnectionString(ConnectionString);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Task.CompletedTask;
}
