using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Storage.Configuration;

/// <summary>The clients of the monitoring data account, and its containers by role.</summary>
public sealed class MonitorStorageClients(BlobServiceClient blobs, TableServiceClient tables)
{
    public BlobServiceClient Blobs { get; } = blobs;

    public TableServiceClient Tables { get; } = tables;

    public BlobContainerClient Windows => Blobs.GetBlobContainerClient(BlobNames.WindowsContainer);

    public BlobContainerClient DeadLetters => Blobs.GetBlobContainerClient(BlobNames.DeadLettersContainer);

    public BlobContainerClient References => Blobs.GetBlobContainerClient(BlobNames.ReferencesContainer);

    public BlobContainerClient CheckResults => Blobs.GetBlobContainerClient(BlobNames.CheckResultsContainer);

    /// <summary>Creates the containers when missing (local runs; in Azure the Bicep creates them).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in new[] { Windows, DeadLetters, References, CheckResults })
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
