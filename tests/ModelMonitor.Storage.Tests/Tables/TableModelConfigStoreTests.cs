using Azure.Data.Tables;
using ModelMonitor.Core.Configuration;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Storage.Tests.Tables;

public class TableModelConfigStoreTests
{
    private static TableModelConfigStore NewStore() =>
        new(new TableServiceClient(AzuriteFixture.ConnectionString).GetTableClient($"cfg{Guid.NewGuid():N}"[..24]));

    [Fact]
    public async Task Get_MissingDocument_ReturnsNull()
    {
        Assert.Null(await NewStore().GetAsync("fraud", ConfigSections.Checks));
    }

    [Fact]
    public async Task Put_ThenGet_RoundTripsJsonPerSection()
    {
        var store = NewStore();
        await store.PutAsync("fraud/eu", ConfigSections.Checks, """{"a":1}""");
        await store.PutAsync("fraud/eu", ConfigSections.Rollback, """{"b":2}""");

        Assert.Equal("""{"a":1}""", (await store.GetAsync("fraud/eu", ConfigSections.Checks))!.Json);
        var all = new List<ConfigDocument>();
        await foreach (var doc in store.ListAsync("fraud/eu"))
        {
            all.Add(doc);
        }

        Assert.Equal([ConfigSections.Checks, ConfigSections.Rollback], all.Select(d => d.Section).Order());
        Assert.All(all, d => Assert.Equal("fraud/eu", d.ModelId));
    }

    [Fact]
    public async Task Put_WithStaleVersion_ThrowsWriteConflict()
    {
        var store = NewStore();
        var first = await store.PutAsync("m", ConfigSections.Checks, """{"v":1}""");
        var second = await store.PutAsync("m", ConfigSections.Checks, """{"v":2}""", first.Version);

        await Assert.ThrowsAsync<WriteConflictException>(() => store.PutAsync("m", ConfigSections.Checks, """{"v":3}""", first.Version));
        Assert.Equal("""{"v":2}""", (await store.GetAsync("m", ConfigSections.Checks))!.Json);
        Assert.NotEqual(first.Version, second.Version);
    }

    [Fact]
    public async Task Put_OversizedDocument_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => NewStore().PutAsync("m", ConfigSections.Checks, new string(' ', TableModelConfigStore.MaxDocumentChars + 1)));
    }
}
