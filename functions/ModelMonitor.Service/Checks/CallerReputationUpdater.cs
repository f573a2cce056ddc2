using ModelMonitor.Core.Abuse;
using ModelMonitor.Core.Checks;

namespace ModelMonitor.Service.Checks;

/// <summary>
/// After each hour's abuse checks, folds every judged caller's fired rules into its stored reputation
/// (<see cref="ReputationRule.Next"/>: penalized per rule, decaying back toward neutral in between) and returns the
/// <c>abuse</c>/<c>reputation</c> alerts of the callers now flagged. A re-run of the hour changes nothing; neutral callers without a
/// row and callers not judged in the hour are not written (their decay is applied when they are next read); events without a caller have
/// no reputation.
/// </summary>
public sealed class CallerReputationUpdater(IReputationStore store, ReputationPolicy policy)
{
    public ReputationPolicy Policy => policy;

    public async Task<IReadOnlyList<MonitorAlert>> UpdateAsync(string modelId, AbuseCheckResult result, DateTimeOffset hourEnd, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentNullException.ThrowIfNull(result);
        var alerts = new List<MonitorAlert>();
        foreach (var judgement in result.Callers)
        {
            if (string.IsNullOrEmpty(judgement.CallerId))
            {
                continue;
            }

            // A neutral caller without a row stays without one: a write per clean caller and hour would buy nothing.
            var reputation = await store.UpdateAsync(
                modelId,
                judgement.CallerId,
                stored => ReputationRule.Next(judgement, stored, hourEnd, policy) is var next && stored is null && next.Score >= 1.0 ? null : next,
                cancellationToken);
            if (reputation is not null && ReputationRule.Alert(modelId, judgement, reputation, hourEnd, policy) is { } alert)
            {
                alerts.Add(alert);
            }
        }

        return alerts;
    }
}
