using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;

namespace ModelMonitor.Storage.Tables;

/// <summary>
/// Alert episodes in the <c>alerts</c> table: partition = model id, row <c>ep-{hash of the condition key}</c> for the
/// condition's current episode, and <c>ep-{hash}-{number:D6}</c> for each earlier, resolved one. Writes are
/// ETag-conditional (insert when none existed), so two concurrent check runs never open two episodes.
/// </summary>
public sealed class TableAlertEpisodeStore(TableClient table) : IAlertEpisodeStore
{
    private const string RowPrefix = "ep-";

    // Creating the table once per process is enough; a race just repeats an idempotent call.
    private bool _tableExists;

    /// <summary>The row key of a condition's current episode.</summary>
    public static string CurrentRowKey(string conditionKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(conditionKey);
        return RowPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(conditionKey)))[..40];
    }

    public async Task<StoredEpisode?> GetAsync(string modelId, string conditionKey, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(modelId, CurrentRowKey(conditionKey), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? new StoredEpisode(FromEntity(entity), entity.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<StoredEpisode>> ListOpenAsync(string modelId, string modelVersion, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {modelId} and ModelVersion eq {modelVersion} and State ne {"resolved"} and Current eq {true}");
        var open = new List<StoredEpisode>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            open.Add(new StoredEpisode(FromEntity(entity), entity.ETag.ToString()));
        }

        return open;
    }

    public async Task<IReadOnlyList<AlertEpisode>> ListAsync(string modelId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {modelId} and RowKey ge {RowPrefix} and RowKey lt {"eq"}");
        var all = new List<AlertEpisode>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            all.Add(FromEntity(entity));
        }

        return [.. all.OrderByDescending(e => e.LastSeen)];
    }

    public async Task<bool> TryWriteAsync(AlertEpisode episode, string? ifVersion, AlertEpisode? archived = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(episode);
        await EnsureTableAsync(cancellationToken);
        var current = ToEntity(episode, CurrentRowKey(episode.ConditionKey), isCurrent: true);
        var actions = new List<TableTransactionAction>
        {
            ifVersion is null
                ? new TableTransactionAction(TableTransactionActionType.Add, current)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, current, new ETag(ifVersion)),
        };
        if (archived is not null)
        {
            string archiveKey = CurrentRowKey(archived.ConditionKey) + "-" + archived.Number.ToString("D6", CultureInfo.InvariantCulture);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(archived, archiveKey, isCurrent: false)));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }

    private static TableEntity ToEntity(AlertEpisode e, string rowKey, bool isCurrent) => new(e.ModelId, rowKey)
    {
        ["Current"] = isCurrent,
        ["ConditionKey"] = e.ConditionKey,
        ["Number"] = e.Number,
        ["Kind"] = e.Kind,
        ["Subkind"] = e.Subkind,
        ["ModelVersion"] = e.ModelVersion,
        ["Feature"] = e.Feature,
        ["State"] = e.State.ToString().ToLowerInvariant(),
        ["Severity"] = Name(e.Severity),
        ["PeakSeverity"] = Name(e.PeakSeverity),
        ["Occurrences"] = e.Occurrences,
        ["FirstSeen"] = e.FirstSeen,
        ["LastSeen"] = e.LastSeen,
        ["WindowStart"] = e.LatestWindowStart,
        ["WindowEnd"] = e.LatestWindowEnd,
        ["Evidence"] = JsonSerializer.Serialize(
            e.Evidence.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString("R", CultureInfo.InvariantCulture)),
            AlertJsonContext.Default.DictionaryStringString),
        ["Message"] = e.Message,
        ["ClearStreak"] = e.ClearStreak,
        ["LastClearWindowEnd"] = e.LastClearWindowEnd,
        ["AcknowledgedBy"] = e.AcknowledgedBy,
        ["AcknowledgedAt"] = e.AcknowledgedAt,
        ["ResolvedAt"] = e.ResolvedAt,
        ["LastNotifiedAt"] = e.LastNotifiedAt,
        ["LastNotifiedSeverity"] = e.LastNotifiedSeverity is { } s ? Name(s) : null,
        ["IncidentId"] = e.IncidentId,
        ["CauseModelId"] = e.CauseModelId,
    };

    private static AlertEpisode FromEntity(TableEntity t) => new()
    {
        ConditionKey = t.GetString("ConditionKey"),
        Number = t.GetInt32("Number") ?? 1,
        Kind = t.GetString("Kind"),
        Subkind = t.GetString("Subkind"),
        ModelId = t.PartitionKey,
        ModelVersion = t.GetString("ModelVersion"),
        Feature = t.GetString("Feature"),
        State = Enum.Parse<EpisodeState>(t.GetString("State"), ignoreCase: true),
        Severity = ParseSeverity(t.GetString("Severity")),
        PeakSeverity = ParseSeverity(t.GetString("PeakSeverity")),
        Occurrences = t.GetInt32("Occurrences") ?? 1,
        FirstSeen = t.GetDateTimeOffset("FirstSeen") ?? default,
        LastSeen = t.GetDateTimeOffset("LastSeen") ?? default,
        LatestWindowStart = t.GetDateTimeOffset("WindowStart") ?? default,
        LatestWindowEnd = t.GetDateTimeOffset("WindowEnd") ?? default,
        Evidence = ParseEvidence(t.GetString("Evidence")),
        Message = t.GetString("Message"),
        ClearStreak = t.GetInt32("ClearStreak") ?? 0,
        LastClearWindowEnd = t.GetDateTimeOffset("LastClearWindowEnd"),
        AcknowledgedBy = t.GetString("AcknowledgedBy"),
        AcknowledgedAt = t.GetDateTimeOffset("AcknowledgedAt"),
        ResolvedAt = t.GetDateTimeOffset("ResolvedAt"),
        LastNotifiedAt = t.GetDateTimeOffset("LastNotifiedAt"),
        LastNotifiedSeverity = t.GetString("LastNotifiedSeverity") is { } s ? ParseSeverity(s) : null,
        IncidentId = t.GetString("IncidentId"),
        CauseModelId = t.GetString("CauseModelId"),
    };

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();

    private static Severity ParseSeverity(string? value) => Enum.Parse<Severity>(value ?? nameof(Severity.Warning), ignoreCase: true);

    private static IReadOnlyDictionary<string, double?> ParseEvidence(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new Dictionary<string, double?>();
        }

        var raw = JsonSerializer.Deserialize(json, AlertJsonContext.Default.DictionaryStringString) ?? [];
        return raw.ToDictionary(kv => kv.Key, kv => kv.Value is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : (double?)null, StringComparer.Ordinal);
    }
}
