using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ModelMonitor.Storage.Blobs;

namespace ModelMonitor.Storage.Configuration;

/// <summary>The clients of the monitoring data account, and its containers by role.</summary>
/// <param name="blobs">The blob service.</param>
/// <param name="tables">The table service.</param>
/// <param name="namePrefix">
/// Put before every container and table name (lower-case letters and digits, starting with a letter; empty for the
/// service's own names): isolates a replay or a test run in a shared account. <value>Default empty.</value>
/// </param>
public sealed class MonitorStorageClients(BlobServiceClient blobs, TableServiceClient tables, string namePrefix = "")
{
    public BlobServiceClient Blobs { get; } = blobs;

    public TableServiceClient Tables { get; } = tables;

    public string NamePrefix { get; } = IsValidPrefix(namePrefix)
        ? namePrefix
        : throw new ArgumentException($"Name prefix '{namePrefix}' must be 1-20 lower-case letters and digits starting with a letter, or empty.", nameof(namePrefix));

    public BlobContainerClient Windows => Blobs.GetBlobContainerClient(NamePrefix + BlobNames.WindowsContainer);

    public BlobContainerClient DeadLetters => Blobs.GetBlobContainerClient(NamePrefix + BlobNames.DeadLettersContainer);

    public BlobContainerClient References => Blobs.GetBlobContainerClient(NamePrefix + BlobNames.ReferencesContainer);

    public BlobContainerClient CheckResults => Blobs.GetBlobContainerClient(NamePrefix + BlobNames.CheckResultsContainer);

    /// <summary>The table <paramref name="name"/> (e.g. <c>alerts</c>, <c>config</c>) under <see cref="NamePrefix"/>.</summary>
    public TableClient Table(string name) => Tables.GetTableClient(NamePrefix + name);

    /// <summary>Whether <paramref name="prefix"/> keeps every container and table name valid.</summary>
    public static bool IsValidPrefix(string? prefix) =>
        prefix is not null && (prefix.Length == 0 || (prefix.Length <= 20 && char.IsAsciiLetterLower(prefix[0]) && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))));

    /// <summary>Creates the containers when missing (local runs; in Azure the Bicep creates them).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in new[] { Windows, DeadLetters, References, CheckResults })
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
