using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ModelMonitor.Core.Alerts;
using ModelMonitor.Core.Checks;
using ModelMonitor.Functions.Api;
using ModelMonitor.Service.Alerts;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Storage.Tables;

namespace ModelMonitor.Functions.Tests.Api;

/// <summary><c>GET /api/alerts</c> and <c>POST /api/alerts/{id}/ack</c> over real episodes on Azurite, written by the lifecycle.</summary>
public sealed class AlertEpisodesApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly string Reader = ApiRequests.Principal("ana@contoso.com", "reader");
    private static readonly string Operator = ApiRequests.Principal("ana@contoso.com", "operator");
    private readonly FakeTimeProvider _clock = new(T0.AddHours(1));
    private readonly CountingNotifier _notifier = new();
    private TableClient _table = null!;
    private AlertLifecycle _lifecycle = null!;
    private AlertFunctions _functions = null!;

    public async Task InitializeAsync()
    {
        _table = new TableServiceClient("UseDevelopmentStorage=true").GetTableClient($"t{Guid.NewGuid():N}"[..20] + "alerts");
        await _table.CreateIfNotExistsAsync();
        var store = new TableAlertEpisodeStore(_table);
        _lifecycle = new AlertLifecycle(store, _notifier, _clock, EpisodeOptions.Default, NullLogger<AlertLifecycle>.Instance);
        _functions = new AlertFunctions(new EpisodeAlertBook(store, _lifecycle));
    }

    public async Task DisposeAsync() => await _table.DeleteAsync();

    private static MonitorAlert Nan(string model, DateTimeOffset start) => new(
        AlertKind.DataQuality, "nan", model, "v1", "deviceRisk", Severity.Critical, start, start + Hour, new Dictionary<string, double?> { ["currentCount"] = 40 });

    private async Task<IReadOnlyList<AlertRecord>> ListAsync(string query)
    {
        var result = await _functions.ListAsync(ApiRequests.Create("GET", principal: Reader, query: query));
        var value = Assert.IsType<OkObjectResult>(result).Value!;
        return (IReadOnlyList<AlertRecord>)value.GetType().GetProperty("items")!.GetValue(value)!;
    }

    [Fact]
    public async Task List_ReadsEpisodesNotOtherRowsOfTheTable()
    {
        await _lifecycle.RaiseAsync([Nan("fraud", T0), Nan("churn", T0)]);
        await _table.AddEntityAsync(new TableEntity("fraud", "0legacy-window-row") { ["Kind"] = "drift", ["Message"] = "old per-window alert" });

        var fraud = Assert.Single(await ListAsync("?modelId=fraud"));
        var all = await ListAsync("");

        Assert.Equal(("fraud", AlertKind.DataQuality, AlertStates.Firing, "critical", 1), (fraud.ModelId, fraud.Kind, fraud.State, fraud.Severity, fraud.Number));
        Assert.Equal(["churn", "fraud"], all.Select(a => a.ModelId));
    }

    [Fact]
    public async Task Ack_ThroughTheLifecycle_StopsRemindersOfThatEpisodeOnly()
    {
        await _lifecycle.RaiseAsync([Nan("fraud", T0), Nan("churn", T0)]);
        var fraud = Assert.Single(await ListAsync("?modelId=fraud"));

        var acked = Assert.IsType<AlertRecord>(Assert.IsType<OkObjectResult>(await _functions.AckAsync(ApiRequests.Create("POST", principal: Operator), fraud.Id)).Value);
        var sentBefore = _notifier.Sent.Count;
        _clock.Advance(TimeSpan.FromHours(7)); // past the 6 h cooldown: an unacknowledged episode reminds
        await _lifecycle.RaiseAsync([Nan("fraud", T0 + Hour), Nan("churn", T0 + Hour)]);

        Assert.Equal((AlertStates.Acknowledged, "ana@contoso.com"), (acked.State, acked.AcknowledgedBy));
        Assert.Equal([("churn", NotificationCategories.EpisodeReminder)], _notifier.Sent.Skip(sentBefore));
        Assert.Equal(["fraud"], (await ListAsync("?state=acknowledged")).Select(a => a.ModelId));
        Assert.Equal(["churn"], (await ListAsync("?state=firing")).Select(a => a.ModelId));
        Assert.Equal(2, (await ListAsync("?state=open")).Count);
        Assert.Empty(await ListAsync("?state=resolved"));
    }

    [Theory]
    [InlineData("wrong-number")]
    [InlineData("fraud~nohash~1")]
    [InlineData("fraud")]
    public async Task Ack_UnknownOrStaleId_Answers404AndChangesNothing(string id)
    {
        await _lifecycle.RaiseAsync([Nan("fraud", T0)]);
        var fraud = Assert.Single(await ListAsync("?modelId=fraud"));
        var target = id == "wrong-number" ? fraud.Id[..fraud.Id.LastIndexOf('~')] + "~2" : id;

        var result = await _functions.AckAsync(ApiRequests.Create("POST", principal: Operator), target);

        Assert.Equal(404, ApiRequests.Problem(result).Status);
        Assert.Equal(AlertStates.Firing, Assert.Single(await ListAsync("?modelId=fraud")).State);
    }

    [Fact]
    public async Task List_PagesWithTheTableToken()
    {
        await _lifecycle.RaiseAsync([Nan("a", T0), Nan("b", T0), Nan("c", T0)]);

        var first = Assert.IsType<OkObjectResult>(await _functions.ListAsync(ApiRequests.Create("GET", principal: Reader, query: "?maxPageSize=2"))).Value!;
        var token = (string?)first.GetType().GetProperty("continuationToken")!.GetValue(first);
        var rest = await ListAsync($"?maxPageSize=2&continuationToken={Uri.EscapeDataString(token!)}");

        Assert.Equal(2, ((IReadOnlyList<AlertRecord>)first.GetType().GetProperty("items")!.GetValue(first)!).Count);
        Assert.Equal(["c"], rest.Select(a => a.ModelId));
    }

    private sealed class CountingNotifier : INotifier
    {
        public ConcurrentQueue<(string Model, string Category)> Sent { get; } = new();

        public Task<IReadOnlyList<NotificationOutcome>> NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            Sent.Enqueue((notification.ModelId!, notification.Category));
            return Task.FromResult<IReadOnlyList<NotificationOutcome>>([]);
        }
    }
}
