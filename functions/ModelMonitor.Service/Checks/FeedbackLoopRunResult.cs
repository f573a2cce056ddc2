namespace ModelMonitor.Service.Checks;

/// <summary>What one feedback-loop run did: recommenders evaluated and new alerts raised.</summary>
public sealed record FeedbackLoopRunResult(int Evaluated, int AlertsRaised);
