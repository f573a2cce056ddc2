namespace ModelMonitor.Cli.Hosting;

/// <summary>The user's input is unusable (a missing file, an invalid identifier or time): exit code 2, no stack trace.</summary>
public sealed class CliUsageException(string message) : Exception(message);
