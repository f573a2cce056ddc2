namespace ModelMonitor.Core.Events;

/// <summary>
/// One event parsed out of a message: either a valid event or the reason it was rejected.
/// <see cref="Index"/> is the event's position in a JSON array body (0 for a single object).
/// </summary>
public readonly record struct ParseResult(int Index, MonitoringEvent? Event, string? Error)
{
    public bool IsValid => Event is not null;

    public static ParseResult Valid(int index, MonitoringEvent value) => new(index, value, null);

    public static ParseResult Invalid(int index, string reason) => new(index, null, reason);
}
