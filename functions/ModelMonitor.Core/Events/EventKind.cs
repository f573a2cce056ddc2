namespace ModelMonitor.Core.Events;

/// <summary>The two kinds of event in contract v1.</summary>
public enum EventKind
{
    /// <summary><c>prediction/v1</c>: what the model saw and said, with serving numbers.</summary>
    Prediction,

    /// <summary><c>outcome/v1</c>: the label or user reaction, folded into the prediction's window.</summary>
    Outcome,
}
