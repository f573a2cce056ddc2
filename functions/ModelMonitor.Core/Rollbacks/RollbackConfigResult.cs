namespace ModelMonitor.Core.Rollbacks;

/// <summary>A parsed configuration, or every problem found, each prefixed with its JSON path (<c>$.targets.fraud.site</c>).</summary>
public sealed record RollbackConfigResult(RollbackConfig? Config, IReadOnlyList<string> Errors)
{
    public bool IsValid => Config is not null && Errors.Count == 0;
}
