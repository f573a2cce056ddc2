using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

// Same namespace and public shape as the official attribute so the function code compiles unchanged
// against either. It deliberately carries no [assembly: ExtensionInformation]: that would make the
// worker SDK restore the WebJobs Event Hubs extension, which the feed here cannot serve.
namespace Microsoft.Azure.Functions.Worker;

/// <summary>
/// Inline stand-in for the Event Hubs trigger attribute, compiled only when
/// <c>UseInlineEventHubsBinding</c> is true (local and CI builds). Deploy builds use the official package.
/// </summary>
[ConverterFallbackBehavior(ConverterFallbackBehavior.Default)]
[BindingCapabilities(KnownBindingCapabilities.FunctionLevelRetry)]
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EventHubTriggerAttribute : TriggerBindingAttribute, ISupportCardinality
{
    private bool _isBatched = true;

    public EventHubTriggerAttribute(string eventHubName) => EventHubName = eventHubName;

    public string EventHubName { get; private set; }

    public string? ConsumerGroup { get; set; }

    public string? Connection { get; set; }

    [DefaultValue(true)]
    public bool IsBatched
    {
        get => _isBatched;
        set => _isBatched = value;
    }

    Cardinality ISupportCardinality.Cardinality
    {
        get => _isBatched ? Cardinality.Many : Cardinality.One;
        set => _isBatched = value == Cardinality.Many;
    }
}
