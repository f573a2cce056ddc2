namespace ModelMonitor.Core.Events;

/// <summary>JSON type of a feature value, label or prediction as it arrived.</summary>
public enum ValueKind : byte
{
    Null,
    Number,
    String,
    Boolean,
}
