using System.Globalization;
using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Notifications;
using ModelMonitor.Service.Rollbacks.Arm;
using ModelMonitor.Service.Rollbacks.Probes;
using ModelMonitor.Service.Rollbacks.Versions;
using ModelMonitor.Service.Telemetry;

namespace ModelMonitor.Service.Rollbacks.Orchestration;

/// <summary>
/// The rollback's I/O, one method per activity (<see cref="RollbackActivityNames"/>). Validation failures are answers,
/// not exceptions, so the orchestration can record why; only bugs throw.
/// </summary>
public sealed class RollbackActivities(
    ArmSlotClient arm,
    ScoringProbe probe,
    IGoldenExampleSource goldenExamples,
    IVersionHistory history,
    IErrorRateSource errorRates,
    INotifier notifier,
    IRollbackAuditStore audit,
    RollbackMetrics metrics,
    TimeProvider timeProvider,
    ILogger<RollbackActivities> logger)
{
    public async Task<int> NotifyAsync(NotifyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var severity = Enum.TryParse<Severity>(input.Severity, ignoreCase: true, out var parsed) ? parsed : Severity.Warning;
        var outcomes = await notifier.NotifyAsync(new Notification("rollback", input.Title, input.Text, severity, input.ModelId, "rollback", input.Links), cancellationToken);
        foreach (var failed in outcomes.Where(o => !o.Delivered))
        {
            RollbackLog.NotificationFailed(logger, input.ModelId, failed.Channel, failed.Error ?? "unknown");
        }

        return outcomes.Count(o => o.Delivered);
    }

    public async Task<VersionCheckResult> CheckVersionsAsync(VersionCheckInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var site = Site(input.Target);
        string? production;
        string? standby;
        try
        {
            production = await arm.ReadModelVersionAsync(site, null, cancellationToken);
            standby = await arm.ReadModelVersionAsync(site, site.StandbySlot, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return new VersionCheckResult(false, null, null, SlotVersionVerdict.ArmOnly, $"cannot read MODEL_VERSION through ARM: {ex.Message}");
        }

        var sightings = await history.GetSightingsAsync(input.ModelId, cancellationToken);
        var verdict = SlotVersionCheck.Check(production, standby, sightings);
        return new VersionCheckResult(verdict.Ok, production, standby, verdict.Evidence, verdict.Detail);
    }

    public Task<ProbeResult> CheckHealthAsync(ProbeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return probe.CheckHealthAsync(input.BaseUrl, input.Path, cancellationToken);
    }

    public async Task<ProbeResult> CheckGoldenAsync(ProbeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrEmpty(input.GoldenExamples))
        {
            return new ProbeResult(false, "no golden examples configured");
        }

        string text;
        try
        {
            text = await goldenExamples.ReadAsync(input.GoldenExamples, cancellationToken);
        }
        catch (GoldenExamplesUnavailableException ex)
        {
            return new ProbeResult(false, ex.Message);
        }

        var parsed = GoldenExamplesParser.Parse(text);
        if (parsed.Errors.Count > 0)
        {
            return new ProbeResult(false, $"golden examples {input.GoldenExamples}: {string.Join("; ", parsed.Errors.Take(3))}");
        }

        return await probe.CheckGoldenAsync(input.BaseUrl, input.Path, parsed.Examples, cancellationToken);
    }

    public Task<SwapProgress> StartSwapAsync(SwapInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return arm.StartSwapAsync(Site(input.Target), cancellationToken);
    }

    public Task<SwapProgress> PollSwapAsync(SwapInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return arm.PollSwapAsync(Site(input.Target), input.Location ?? "", cancellationToken);
    }

    public async Task<ProbeResult> CheckErrorRateAsync(ErrorRateInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var from = DateTimeOffset.Parse(input.From, CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(input.To, CultureInfo.InvariantCulture);
        var (events, errors) = await errorRates.ReadAsync(input.ModelId, input.ModelVersion, from, to, cancellationToken);
        if (events == 0)
        {
            // No traffic recorded (or no storage): nothing contradicts health and golden examples.
            return new ProbeResult(true, $"no events of {input.ModelVersion} with a status between {input.From} and {input.To}: error rate not evaluated");
        }

        var rate = (double)errors / events;
        var text = string.Create(CultureInfo.InvariantCulture, $"{errors} of {events} events of {input.ModelVersion} not ok ({rate:P2}; limit {input.MaxErrorRate:P2})");
        return new ProbeResult(rate <= input.MaxErrorRate, text);
    }

    public async Task<bool> RecordOutcomeAsync(RecordOutcomeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        var outcome = input.Outcome;
        await audit.WriteAsync(
            new RollbackAuditRecord(
                input.InstanceId, request.ModelId, request.Target.Site, request.Target.StandbySlot, request.RequestedBy, request.Reason, request.AlertId,
                request.DryRun, outcome.From, outcome.To, outcome.Evidence, outcome.Outcome, timeProvider.GetUtcNow(),
                [.. outcome.Steps.Select(s => new RollbackAuditStep(s.Name, s.Status, s.At, s.Detail))]),
            cancellationToken);
        metrics.RecordOutcome(outcome.Outcome, request.ModelId);
        RollbackLog.Finished(logger, request.ModelId, input.InstanceId, outcome.Outcome, outcome.From ?? "?", outcome.To ?? "?");
        return true;
    }

    private static ArmSite Site(RollbackTargetInput target) =>
        new(target.ArmEndpoint, target.SubscriptionId, target.ResourceGroup, target.Site, target.StandbySlot);
}
