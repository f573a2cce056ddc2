namespace ModelMonitor.Cli.Replay;

/// <summary>One line of a replayed file: its body, its line number, and when it happened (null when unreadable).</summary>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="Body">The message body as it was.</param>
/// <param name="Time">When the event reached the service in event time: an outcome's <c>observedAt</c>, else its <c>timestamp</c>; for an array the earliest.</param>
internal sealed record ReplayEvent(long Line, byte[] Body, DateTimeOffset? Time);
