using System.Collections.Concurrent;
using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Service.Tests.Rollbacks;

public sealed class RecordingAuditStore : IRollbackAuditStore
{
    public ConcurrentQueue<RollbackAuditRecord> Records { get; } = new();

    public Task WriteAsync(RollbackAuditRecord record, CancellationToken cancellationToken = default)
    {
        Records.Enqueue(record);
        return Task.CompletedTask;
    }
}
