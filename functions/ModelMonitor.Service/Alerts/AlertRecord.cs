namespace ModelMonitor.Service.Alerts;

/// <summary>One alert episode as the ops API lists it.</summary>
/// <param name="Id">Opaque id for <c>POST /api/alerts/{id}/ack</c>.</param>
/// <param name="ModelId">The model.</param>
/// <param name="Kind">The check kind.</param>
/// <param name="Severity">The severity of the latest firing evaluation.</param>
/// <param name="State">firing, acknowledged or resolved (<see cref="AlertStates"/>).</param>
/// <param name="Message">What happened.</param>
/// <param name="WindowStart">Start of the latest window the condition fired in.</param>
/// <param name="AcknowledgedBy">Who acknowledged it, if anyone.</param>
public sealed record AlertRecord(string Id, string ModelId, string? Kind, string? Severity, string State, string? Message, DateTimeOffset? WindowStart, string? AcknowledgedBy)
{
    public string? Subkind { get; init; }

    public string? ModelVersion { get; init; }

    /// <summary>Feature, class or caller; null for model-level conditions.</summary>
    public string? Feature { get; init; }

    /// <summary>1 for the condition's first episode, one more each time it returns.</summary>
    public int? Number { get; init; }

    public string? PeakSeverity { get; init; }

    public int? Occurrences { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    public DateTimeOffset? WindowEnd { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }
}
