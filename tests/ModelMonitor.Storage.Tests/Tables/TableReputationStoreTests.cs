using Azure.Data.Tables;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Storage.Tests.Tables;

public class TableReputationStoreTests
{
    private static readonly DateTimeOffset Hour = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Update_NewCaller_StoresTheScoreUnderEscapedKeys()
    {
        var store = NewStore();

        var stored = await store.UpdateAsync("fraud/eu", "key/42", previous => CallerReputation.Next("key/42", previous, 1, Hour, ReputationPolicy.Default));

        Assert.Equal(new CallerReputation("key/42", 0.5, Hour), stored);
        Assert.Equal(stored, await store.GetAsync("fraud/eu", "key/42"));
        Assert.Null(await store.GetAsync("fraud", "key/42"));
    }

    [Fact]
    public async Task Update_ReturningTheStoredValue_WritesNothing()
    {
        var store = NewStore();
        await store.UpdateAsync("m", "k", _ => new CallerReputation("k", 0.4, Hour));

        var unchanged = await store.UpdateAsync("m", "k", previous => previous);

        Assert.Equal(new CallerReputation("k", 0.4, Hour), unchanged);
    }

    [Fact]
    public async Task Update_ConcurrentWriters_EveryUpdateLands()
    {
        var store = NewStore();
        await store.UpdateAsync("m", "k", _ => new CallerReputation("k", 1.0, Hour));

        // Each halves the score: a lost update would leave it above 1/2^8.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.UpdateAsync("m", "k", previous => previous! with { Score = previous.Score / 2 })));

        Assert.Equal(1.0 / 256, (await store.GetAsync("m", "k"))!.Score, 12);
    }

    [Fact]
    public async Task List_ReturnsTheModelsCallersOnly()
    {
        var store = NewStore();
        await store.UpdateAsync("m", "a", _ => new CallerReputation("a", 0.2, Hour));
        await store.UpdateAsync("m", "b#1", _ => new CallerReputation("b#1", 0.9, Hour));
        await store.UpdateAsync("other", "c", _ => new CallerReputation("c", 0.1, Hour));

        var listed = new List<CallerReputation>();
        await foreach (var reputation in store.ListAsync("m"))
        {
            listed.Add(reputation);
        }

        Assert.Equal(["a", "b#1"], listed.Select(r => r.CallerId).Order(StringComparer.Ordinal));
    }

    private static TableReputationStore NewStore() =>
        new(new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"rep{Guid.NewGuid():N}"[..24]));
}
