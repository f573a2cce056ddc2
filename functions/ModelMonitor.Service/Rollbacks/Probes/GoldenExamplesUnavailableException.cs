namespace ModelMonitor.Service.Rollbacks.Probes;

/// <summary>The golden examples could not be read: validation fails (a slot is never trusted without them).</summary>
public sealed class GoldenExamplesUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
