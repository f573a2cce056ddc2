using System.Runtime.CompilerServices;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Functions.Tests.Api;

internal sealed class FakeDeadLetterStore(int count) : IDeadLetterStore
{
    public Task WriteAsync(string partition, IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The API never writes dead letters.");

    public async IAsyncEnumerable<DeadLetter> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        for (var i = 0; i < count; i++)
        {
            yield return new DeadLetter("0", i, 0, DateTimeOffset.UnixEpoch.AddSeconds(i), "bad json", "{");
        }
    }
}
