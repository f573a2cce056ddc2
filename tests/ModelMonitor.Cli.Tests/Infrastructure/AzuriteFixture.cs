using System.Net.Sockets;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Cli.Tests.Infrastructure;

/// <summary>
/// The shared local Azurite (<c>UseDevelopmentStorage=true</c>). Tests isolate themselves with unique model ids
/// and source names, and delete what they wrote when done. If Azurite is not listening the tests fail with a
/// clear message rather than being skipped: CI starts it (./infra/test.sh), and so can you.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionString = "UseDevelopmentStorage=true";
    private readonly List<string> _models = [];
    private readonly List<string> _sources = [];
    private readonly Lock _gate = new();

    public async Task InitializeAsync()
    {
        foreach (var port in new[] { 10000, 10001, 10002 })
        {
            using var client = new TcpClient();
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                throw new InvalidOperationException(
                    $"Azurite is not reachable on 127.0.0.1:{port} ({ex.Message}). These integration tests need it: run ./infra/azurite.sh start, or ./infra/test.sh which starts it.", ex);
            }
        }
    }

    /// <summary>A model id no other test or run uses, removed from storage after the tests.</summary>
    public string NewModelId()
    {
        var id = "m" + Guid.NewGuid().ToString("N")[..19];
        lock (_gate)
        {
            _models.Add(id);
        }

        return id;
    }

    /// <summary>A partition (source) name no other test uses, whose dead letters are removed after the tests.</summary>
    public string NewSourceName()
    {
        var name = "test-" + Guid.NewGuid().ToString("N")[..16];
        lock (_gate)
        {
            _sources.Add(name);
        }

        return name;
    }

    /// <summary>Removes this source's dead letters after the tests (for sources named by the CLI itself).</summary>
    public void TrackSource(string name)
    {
        lock (_gate)
        {
            _sources.Add(name);
        }
    }

    public async Task DisposeAsync()
    {
        var service = new BlobServiceClient(ConnectionString);
        var windows = service.GetBlobContainerClient(BlobNames.WindowsContainer);
        if (await windows.ExistsAsync())
        {
            foreach (var tier in new[] { "5m", "1h", "1d" })
            {
                foreach (var model in _models)
                {
                    await foreach (var blob in windows.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{tier}/{model}/" }))
                    {
                        await windows.DeleteBlobIfExistsAsync(blob.Name);
                    }
                }
            }
        }

        var deadLetters = service.GetBlobContainerClient(BlobNames.DeadLettersContainer);
        if (await deadLetters.ExistsAsync() && _sources.Count > 0)
        {
            await foreach (var blob in deadLetters.GetBlobsAsync())
            {
                if (_sources.Any(s => blob.Name.Contains($"/p{s}/", StringComparison.Ordinal)))
                {
                    await deadLetters.DeleteBlobIfExistsAsync(blob.Name);
                }
            }
        }
    }
}
