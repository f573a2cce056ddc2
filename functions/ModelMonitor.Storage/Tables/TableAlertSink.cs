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
/// Alerts in the <c>alerts</c> table: partition = model id, row = a hash of the alert's dedup key, so evaluating a
/// window again (late labels, a re-run timer) inserts nothing twice. Insert-only: a 409 means "already raised".
/// </summary>
public sealed class TableAlertSink(TableClient table) : IAlertSink
{
    public const string TableName = "alerts";

    // Creating the table once per process is enough; a race just repeats an idempotent call.
    private bool _tableExists;

    public static string RowKey(MonitorAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(alert.DedupKey)))[..40];
    }

    public async Task<IReadOnlyList<MonitorAlert>> RaiseAsync(IReadOnlyList<MonitorAlert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            return [];
        }

        if (!_tableExists)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }

        var created = new List<MonitorAlert>();
        foreach (var alert in alerts)
        {
            try
            {
                await table.AddEntityAsync(ToEntity(alert), cancellationToken);
                created.Add(alert);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Raised before: the dedup key is the identity.
            }
        }

        return created;
    }

    private static TableEntity ToEntity(MonitorAlert alert) => new(alert.ModelId, RowKey(alert))
    {
        ["Kind"] = alert.Kind,
        ["Subkind"] = alert.Subkind,
        ["ModelVersion"] = alert.ModelVersion,
        ["Feature"] = alert.Feature,
        ["Severity"] = alert.Severity.ToString().ToLowerInvariant(),
        ["WindowStart"] = alert.WindowStart,
        ["WindowEnd"] = alert.WindowEnd,
        ["DedupKey"] = alert.DedupKey,
        ["Message"] = alert.Message,
        ["Evidence"] = JsonSerializer.Serialize(
            alert.Evidence.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString("R", CultureInfo.InvariantCulture)),
            AlertJsonContext.Default.DictionaryStringString),
    };
}
