using ModelMonitor.Client;

namespace ModelMonitor.Cli.Conversion;

/// <summary>One data row: its prediction (and outcome when labelled), or why it was skipped.</summary>
internal sealed record ConvertedRow(int Line, PredictionEvent? Prediction, OutcomeEvent? Outcome, string? Error);
