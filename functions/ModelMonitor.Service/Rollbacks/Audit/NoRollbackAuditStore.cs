using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Service.Rollbacks.Audit;

/// <summary>No audit storage (the CLI without storage): the printed outcome is the record.</summary>
public sealed class NoRollbackAuditStore : IRollbackAuditStore
{
    public Task WriteAsync(RollbackAuditRecord record, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
