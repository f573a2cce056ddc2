namespace ModelMonitor.Service.Alerts;

/// <summary>One alert as the ops API lists it.</summary>
/// <param name="Id">Opaque id for <c>POST /api/alerts/{id}/ack</c> (model id and row key).</param>
/// <param name="ModelId">The model.</param>
/// <param name="Kind">The check kind.</param>
/// <param name="Severity">The severity.</param>
/// <param name="State">open or acknowledged.</param>
/// <param name="Message">What happened.</param>
/// <param name="WindowStart">Start of the window the alert is about.</param>
/// <param name="AcknowledgedBy">Who acknowledged it, if anyone.</param>
public sealed record AlertRecord(string Id, string ModelId, string? Kind, string? Severity, string State, string? Message, DateTimeOffset? WindowStart, string? AcknowledgedBy);
