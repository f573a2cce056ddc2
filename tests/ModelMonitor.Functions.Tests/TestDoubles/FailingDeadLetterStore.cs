using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Functions.Tests.TestDoubles;

/// <summary>Dead letters that cannot be written: storage down for them too.</summary>
internal sealed class FailingDeadLetterStore(Exception failure) : IDeadLetterStore
{
    public Task WriteAsync(string partition, IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken = default) => throw failure;

    public IAsyncEnumerable<DeadLetter> ListAsync(CancellationToken cancellationToken = default) => throw failure;
}
