using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Storage.Blobs;
using ModelMonitor.Storage.Configuration;

namespace ModelMonitor.Cli.Hosting;

/// <summary>
/// The storage services a command needs, built the way the Function builds them (same containers, same
/// <see cref="MonitorOptions"/> defaults: 5-minute base windows, 1 MiB messages) from a connection string.
/// </summary>
public sealed class CliStorage
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    private CliStorage(MonitorStorageClients clients, MonitorOptions options, TimeProvider timeProvider)
    {
        Clients = clients;
        Options = options;
        WindowStore = new BlobWindowStore(clients.Windows);
        DeadLetters = new BlobDeadLetterStore(clients.DeadLetters);
        Reader = new SummaryReader(clients.Windows, options.GetBaseGranularity());
        Rollups = new RollupService(clients.Windows, Reader, timeProvider);
    }

    public MonitorStorageClients Clients { get; }

    public MonitorOptions Options { get; }

    public BlobWindowStore WindowStore { get; }

    public BlobDeadLetterStore DeadLetters { get; }

    public SummaryReader Reader { get; }

    public RollupService Rollups { get; }

    /// <summary>Clients for <paramref name="connectionString"/>; a malformed string is a usage error, not a storage failure.</summary>
    /// <param name="connectionString">The storage account.</param>
    /// <param name="timeProvider">The clock of roll-ups and ingestion.</param>
    /// <param name="namePrefix">Put before every container and table name (see <see cref="MonitorStorageClients"/>); empty for the service's own.</param>
    public static CliStorage Connect(string connectionString, TimeProvider timeProvider, string namePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new CliUsageException("--storage must be a storage connection string, e.g. UseDevelopmentStorage=true.");
        }

        // Fewer, shorter retries than the SDK default: a CLI should say "not reachable" in seconds, not in a minute.
        var blobOptions = new BlobClientOptions();
        ConfigureRetry(blobOptions.Retry);
        var tableOptions = new TableClientOptions();
        ConfigureRetry(tableOptions.Retry);
        try
        {
            var clients = new MonitorStorageClients(new BlobServiceClient(connectionString, blobOptions), new TableServiceClient(connectionString, tableOptions), namePrefix);
            return new CliStorage(clients, new MonitorOptions(), timeProvider);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new CliUsageException($"--storage is not a valid storage connection string: {ex.Message}");
        }
    }

    /// <summary>The pipeline the Event Hubs trigger uses, with the same window length and parser limits.</summary>
    public IngestPipeline CreatePipeline() =>
        new(WindowStore, DeadLetters, Options.GetBaseGranularity(), Options.GetLimits(), Options.IngestParallelism, new WindowCache());

    private static void ConfigureRetry(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromMilliseconds(400);
        retry.MaxDelay = TimeSpan.FromSeconds(5);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
