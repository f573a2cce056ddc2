using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Storage.Tests.Tables;

public class TableBlocklistStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task Add_ThenIsBlocked_ReturnsTheEntryWithItsFields()
    {
        var store = NewStore();
        await store.AddAsync(new BlocklistEntry("fraud/eu", "key/42", "abuse rate alert", Now.AddHours(-1), Now.AddDays(1), "alice"));

        var entry = await store.IsBlockedAsync("fraud/eu", "key/42");

        Assert.NotNull(entry);
        Assert.Equal("abuse rate alert", entry.Reason);
        Assert.Equal("alice", entry.AddedBy);
        Assert.Equal(Now.AddHours(-1), entry.Since);
        Assert.Equal(Now.AddDays(1), entry.Expiry);
        Assert.Null(await store.IsBlockedAsync("churn", "key/42"));
    }

    [Fact]
    public async Task IsBlocked_AfterExpiry_IsNotBlockedButStillListed()
    {
        var store = NewStore();
        await store.AddAsync(new BlocklistEntry("fraud", "k1", "quota", Now, Now.AddHours(2), "abuse-check"));

        _time.Advance(TimeSpan.FromHours(2));

        Assert.Null(await store.IsBlockedAsync("fraud", "k1"));
        Assert.Equal(["k1"], await CallersAsync(store, "fraud"));
    }

    [Fact]
    public async Task IsBlocked_AllModelsEntry_BlocksEveryModel()
    {
        var store = NewStore();
        await store.AddAsync(new BlocklistEntry(BlocklistEntry.AllModels, "k1", "scraper", Now, null, "bob"));

        Assert.NotNull(await store.IsBlockedAsync("fraud", "k1"));
        Assert.NotNull(await store.IsBlockedAsync("churn", "k1"));
    }

    [Fact]
    public async Task IsBlocked_EventWithoutCaller_IsNeverBlocked()
    {
        var store = NewStore();
        await store.AddAsync(new BlocklistEntry(BlocklistEntry.AllModels, "k1", "scraper", Now, null, "bob"));

        Assert.Null(await store.IsBlockedAsync("fraud", null));
        Assert.Null(await store.IsBlockedAsync("fraud", string.Empty));
    }

    [Fact]
    public async Task Remove_Entry_UnblocksAndSecondRemoveReturnsFalse()
    {
        var store = NewStore();
        await store.AddAsync(new BlocklistEntry("fraud", "k1", "quota", Now, null, "alice"));

        Assert.True(await store.RemoveAsync("fraud", "k1"));
        Assert.False(await store.RemoveAsync("fraud", "k1"));
        Assert.Null(await store.IsBlockedAsync("fraud", "k1"));
    }

    [Fact]
    public async Task Add_Twice_ReplacesTheEntry()
    {
        var store = NewStore();
        await store.AddAsync(new BlocklistEntry("fraud", "k1", "first", Now, Now.AddHours(1), "alice"));
        await store.AddAsync(new BlocklistEntry("fraud", "k1", "second", Now, null, "bob"));

        var entries = new List<BlocklistEntry>();
        await foreach (var e in store.ListAsync("fraud"))
        {
            entries.Add(e);
        }

        var entry = Assert.Single(entries);
        Assert.Equal("second", entry.Reason);
        Assert.Null(entry.Expiry);
    }

    private TableBlocklistStore NewStore() =>
        new(new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"blk{Guid.NewGuid():N}"[..24]), _time);

    private static async Task<List<string>> CallersAsync(TableBlocklistStore store, string scope)
    {
        var callers = new List<string>();
        await foreach (var entry in store.ListAsync(scope))
        {
            callers.Add(entry.CallerId);
        }

        return callers;
    }
}
