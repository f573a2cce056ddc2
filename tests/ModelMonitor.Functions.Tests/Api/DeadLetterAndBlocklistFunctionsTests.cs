using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Mvc;
using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Functions.Api;
using ModelMonitor.Service.Blocklist;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Functions.Tests.Api;

public sealed class DeadLetterAndBlocklistFunctionsTests
{
    private static readonly string Reader = ApiRequests.Principal("ana@contoso.com", "reader");

    private static (List<DeadLetter> Items, string? Token) Page(IActionResult result)
    {
        var value = Assert.IsType<OkObjectResult>(result).Value!;
        var items = (List<DeadLetter>)value.GetType().GetProperty("items")!.GetValue(value)!;
        return (items, (string?)value.GetType().GetProperty("continuationToken")!.GetValue(value));
    }

    [Fact]
    public async Task DeadLetters_PagedByTheToken_VisitEachLetterOnce()
    {
        var functions = new DeadLetterFunctions(new FakeDeadLetterStore(5));
        var seen = new List<long>();
        string? token = null;
        var pages = 0;
        do
        {
            var query = "?maxPageSize=2" + (token is null ? string.Empty : $"&continuationToken={token}");
            (var items, token) = Page(await functions.ListAsync(ApiRequests.Create("GET", principal: Reader, query: query)));
            seen.AddRange(items.Select(l => l.SequenceNumber));
            pages++;
        }
        while (token is not null);

        Assert.Equal([0L, 1, 2, 3, 4], seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("?continuationToken=abc")]
    [InlineData("?continuationToken=-1")]
    [InlineData("?maxPageSize=501")]
    public async Task DeadLetters_BadPaging_Answers400(string query)
    {
        var result = await new DeadLetterFunctions(new FakeDeadLetterStore(1)).ListAsync(ApiRequests.Create("GET", principal: Reader, query: query));

        Assert.Equal(400, ApiRequests.Problem(result).Status);
    }

    [Fact]
    public async Task Blocklist_RowsOnAzurite_ArePagedWithTheirShape()
    {
        var table = new TableServiceClient("UseDevelopmentStorage=true").GetTableClient($"t{Guid.NewGuid():N}"[..20]);
        await table.CreateIfNotExistsAsync();
        var since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var store = new TableBlocklistStore(table, TimeProvider.System);
        foreach (var caller in new[] { "svc-a", "svc-b", "svc-c" })
        {
            await store.AddAsync(new BlocklistEntry(BlocklistEntry.AllModels, caller, "poisoned references", since, null, "ana"));
        }

        var functions = new BlocklistFunctions(new TableBlocklist(table));
        var first = Json(await functions.ListAsync(ApiRequests.Create("GET", principal: Reader, query: "?maxPageSize=2")));
        var token = first["continuationToken"]!.GetValue<string>();
        var second = Json(await functions.ListAsync(ApiRequests.Create("GET", principal: Reader, query: $"?maxPageSize=2&continuationToken={Uri.EscapeDataString(token)}")));

        Assert.Equal(["svc-a", "svc-b"], first["items"]!.AsArray().Select(e => e!["caller"]!.GetValue<string>()));
        var row = Assert.Single(second["items"]!.AsArray())!.AsObject();
        Assert.Equal(["caller", "reason", "since", "expiry", "addedBy"], row.Select(p => p.Key));
        Assert.Equal("svc-c", row["caller"]!.GetValue<string>());
        Assert.Equal("poisoned references", row["reason"]!.GetValue<string>());
        Assert.Equal(since, row["since"]!.GetValue<DateTimeOffset>());
        Assert.Null(row["expiry"]);
        Assert.Equal("ana", row["addedBy"]!.GetValue<string>());
        Assert.Null(second["continuationToken"]);
    }

    [Fact]
    public async Task Blocklist_NoTableYet_IsAnEmptyPage()
    {
        var table = new TableServiceClient("UseDevelopmentStorage=true").GetTableClient($"t{Guid.NewGuid():N}"[..20]);

        var result = Json(await new BlocklistFunctions(new TableBlocklist(table)).ListAsync(ApiRequests.Create("GET", principal: Reader)));

        Assert.Empty(result["items"]!.AsArray());
    }

    // As the worker answers it: System.Text.Json with web defaults.
    private static JsonObject Json(IActionResult result) =>
        JsonSerializer.SerializeToNode(Assert.IsType<OkObjectResult>(result).Value, JsonSerializerOptions.Web)!.AsObject();
}
