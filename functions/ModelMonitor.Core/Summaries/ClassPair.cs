namespace ModelMonitor.Core.Summaries;

/// <summary>A cell of the confusion matrix.</summary>
public readonly record struct ClassPair(string Actual, string Predicted);
