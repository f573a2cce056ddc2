using Azure;
using Azure.Storage.Blobs;

namespace ModelMonitor.Service.Rollbacks.Probes;

/// <summary>Golden examples from a blob named <c>container/path/to/file.jsonl</c> in the monitoring storage account.</summary>
public sealed class BlobGoldenExampleSource(BlobServiceClient blobs) : IGoldenExampleSource
{
    /// <summary>A golden file larger than this is refused. <value>4 MiB.</value></summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    public async Task<string> ReadAsync(string location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        var slash = location.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == location.Length - 1)
        {
            throw new GoldenExamplesUnavailableException($"golden examples '{location}': expected a blob path container/name");
        }

        var blob = blobs.GetBlobContainerClient(location[..slash]).GetBlobClient(location[(slash + 1)..]);
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            if (content.Value.Details.ContentLength > MaxBytes)
            {
                throw new GoldenExamplesUnavailableException($"golden examples '{location}' exceed {MaxBytes} bytes");
            }

            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex)
        {
            throw new GoldenExamplesUnavailableException($"cannot read golden examples blob '{location}': {ex.Status} {ex.ErrorCode}", ex);
        }
    }
}
