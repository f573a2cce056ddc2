namespace ModelMonitor.Client;

/// <summary>
/// A prediction of another model that this prediction used (an embedding, a candidate generator), so the
/// monitor can follow a request through a chain of models.
/// </summary>
public sealed record UpstreamRef
{
    /// <exception cref="ArgumentException">An identifier breaks contract v1 (the message names the field).</exception>
    public UpstreamRef(string modelId, string eventId)
    {
        ModelId = modelId;
        EventId = eventId;
    }

    /// <summary>The upstream model: 1–64 characters of <c>[A-Za-z0-9._-]</c>.</summary>
    public string ModelId { get; init => field = EventValidation.ModelIdentifier(value, "upstream.modelId"); }

    /// <summary>The upstream prediction's <c>eventId</c>: 1–128 characters.</summary>
    public string EventId { get; init => field = EventValidation.EventId(value, "upstream.eventId"); }
}
