using ModelMonitor.Service.Alerts;

namespace ModelMonitor.Functions.Tests.Api;

internal sealed class FakeAlertBook : IAlertBook
{
    public List<(string Id, string By)> Acks { get; } = [];

    public List<(string? ModelId, string? State, int PageSize, string? Token)> Lists { get; } = [];

    public Task<AlertPage> ListAsync(string? modelId, string? state, int maxPageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        Lists.Add((modelId, state, maxPageSize, continuationToken));
        return Task.FromResult(new AlertPage([new AlertRecord("fraud~abc", "fraud", "drift", "critical", AlertStates.Open, "psi 0.4", null, null)], "next"));
    }

    public Task<AlertRecord?> AcknowledgeAsync(string id, string by, CancellationToken cancellationToken = default)
    {
        Acks.Add((id, by));
        return Task.FromResult(id == "fraud~abc" ? new AlertRecord(id, "fraud", "drift", "critical", AlertStates.Acknowledged, "psi 0.4", null, by) : null);
    }
}
