namespace ModelMonitor.Service.Checks;

/// <summary>What one feedback-loop run did: recommenders evaluated, new alerts raised, models that failed (logged, skipped).</summary>
public sealed record FeedbackLoopRunResult(int Evaluated, int AlertsRaised, int Failed = 0);
