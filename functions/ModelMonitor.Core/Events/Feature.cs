namespace ModelMonitor.Core.Events;

/// <summary>One named feature value of an event.</summary>
public readonly record struct Feature(string Name, FieldValue Value);
