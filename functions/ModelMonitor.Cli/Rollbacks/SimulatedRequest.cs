namespace ModelMonitor.Cli.Rollbacks;

/// <summary>One request <see cref="SimulatedAppService"/> received.</summary>
internal sealed record SimulatedRequest(string Method, string Path, string Query, string? Authorization, string Body);
