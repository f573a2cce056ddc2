namespace ModelMonitor.Service.AzureMonitor;

/// <summary>The few fields of a rollback target the webhook needs: which model, which site, what an alert may do.</summary>
/// <param name="ModelId">The model the target serves.</param>
/// <param name="SiteResourceId">ARM id of the web app: <c>/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Web/sites/{site}</c>.</param>
/// <param name="RecordOnly">True when the target says <c>"onAzureMonitorAlert":"record"</c>: alerts are recorded, never acted on.</param>
public sealed record RollbackTarget(string ModelId, string SiteResourceId, bool RecordOnly);
