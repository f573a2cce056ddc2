using System.Runtime.CompilerServices;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Core.Tests.Ingestion;

internal sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    private readonly Dictionary<(string, long, int), DeadLetter> _letters = [];

    public int Writes;

    public Task WriteAsync(string partition, IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken = default)
    {
        Writes++;
        foreach (var letter in letters)
        {
            _letters[(letter.Partition, letter.SequenceNumber, letter.Index)] = letter;
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<DeadLetter> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var letter in _letters.Values.OrderBy(l => l.SequenceNumber).ThenBy(l => l.Index))
        {
            yield return letter;
        }
    }
}
