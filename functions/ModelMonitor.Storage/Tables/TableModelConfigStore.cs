using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Storage.Tables;

/// <summary>
/// Policy documents in the provisioned <c>config</c> table: partition = model id, row = section, the JSON in one
/// property (a table property holds up to 64 KiB of text, far more than a policy needs). The ETag is the version.
/// </summary>
public sealed class TableModelConfigStore(TableClient table) : IModelConfigStore
{
    public const string TableName = "config";

    /// <summary>Largest document accepted, in UTF-16 characters (the table's limit for one string property is 32 Ki).</summary>
    public const int MaxDocumentChars = 32 * 1024;

    private const string JsonProperty = "Json";

    // Creating the table once per process is enough; a race just repeats an idempotent call.
    private bool _tableExists;

    public async Task<ConfigDocument?> GetAsync(string modelId, string section, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Key(modelId), section, cancellationToken: cancellationToken);
        return response.HasValue ? ToDocument(response.Value!) : null;
    }

    public async Task<ConfigDocument> PutAsync(string modelId, string section, string json, string? ifVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(json);
        if (json.Length > MaxDocumentChars)
        {
            throw new ArgumentException($"A policy document holds at most {MaxDocumentChars} characters; this one has {json.Length}.", nameof(json));
        }

        await EnsureTableAsync(cancellationToken);
        var entity = new TableEntity(Key(modelId), section) { [JsonProperty] = json };
        try
        {
            if (ifVersion is null)
            {
                await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(ifVersion), TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404 && ifVersion is not null)
        {
            throw new WriteConflictException($"The {section} policy of model '{modelId}' changed since version {ifVersion}; read it again and retry.");
        }

        return (await GetAsync(modelId, section, cancellationToken))!;
    }

    public async IAsyncEnumerable<ConfigDocument> ListAsync(string modelId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var partition = Key(modelId);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            yield return ToDocument(entity);
        }
    }

    private static ConfigDocument ToDocument(TableEntity entity) => new(
        Unkey(entity.PartitionKey),
        entity.RowKey,
        entity.GetString(JsonProperty) ?? "{}",
        entity.ETag.ToString(),
        entity.Timestamp ?? DateTimeOffset.MinValue);

    // Table keys may not contain '/', '\\', '#', '?' or control characters; model ids may (the contract allows '/'). The
    // defaults' "*" is a legal key as it is.
    private static string Key(string modelId)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        return Uri.EscapeDataString(modelId);
    }

    private static string Unkey(string key) => Uri.UnescapeDataString(key);

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }
}
