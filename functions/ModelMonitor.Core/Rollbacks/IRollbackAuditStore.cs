namespace ModelMonitor.Core.Rollbacks;

/// <summary>Append-only audit of rollbacks (the provisioned <c>audit</c> table in the app).</summary>
public interface IRollbackAuditStore
{
    Task WriteAsync(RollbackAuditRecord record, CancellationToken cancellationToken = default);
}
