using System.Globalization;
using MathNet.Numerics;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Operations;
using ModelMonitor.Core.Summaries;
using ModelMonitor.Core.Windows;

namespace ModelMonitor.Core.Abuse;

/// <summary>
/// Per-caller abuse checks of one model and hour (<see cref="AlertKind.Abuse"/>), from the hourly summaries' caller
/// counters. Pure: the caller reads the history and raises the alerts.
/// </summary>
/// <remarks>
/// <para>
/// Rules, each its own subkind so that each is its own alert episode:
/// <list type="bullet">
/// <item><see cref="AbuseSubkind.Rate"/>: the caller stands out of the population of the hour (robust z-score over
/// the median and MAD of per-caller counts, and a minimum ratio to the median) <em>and</em> out of its own history
/// (the median of the same hour on up to <see cref="AbusePolicy.HistoryDays"/> earlier days: a minimum ratio and a
/// Poisson upper tail below α; a caller never seen in those hours has a baseline of 0, so a new caller is in effect
/// judged on the population alone). While the model's own history covers fewer than
/// <see cref="AbusePolicy.MinimumHistoryDays"/> earlier days the rule is not judged (evidence <c>baseline</c> null),
/// as every caller would look new. Requiring both
/// keeps a legitimately large caller (a partner's batch job, say) from firing every hour, and a small caller that
/// doubles from firing at all.</item>
/// <item><see cref="AbuseSubkind.Quota"/>: more requests than the policy's hard quota (off by default); judged at any volume.</item>
/// <item><see cref="AbuseSubkind.RepeatedInputs"/>: far more of the caller's inputs repeat, exactly or near-identically,
/// than the population's (<see cref="RepeatedInputRule"/>); judged at any request count once the caller has
/// <see cref="AbusePolicy.RepeatMinimumInputs"/> inputs.</item>
/// <item><see cref="AbuseSubkind.Share"/>: more than <see cref="AbusePolicy.MaxShare"/> of the hour's requests while
/// the model has at least <see cref="AbusePolicy.MinimumDistinctCallers"/> distinct callers.</item>
/// </list>
/// </para>
/// <para>
/// Events without a caller are never judged (they are not in the caller counter) but count in the hour's total for the
/// share. The caller counter is exact up to 256 distinct callers per hour; beyond, counts are lower bounds
/// (evidence <c>countMaxError</c>) and the population statistics cover the tracked callers only, the heavy ones.
/// The alert names the caller in <see cref="MonitorAlert.Feature"/>, the only per-entity slot of an alert, and says so
/// in its message; its version is <see cref="WindowSummary.AnyVersion"/>.
/// </para>
/// </remarks>
public static class CallerAbuseChecks
{
    /// <summary>Days of hourly history the checks can use with <paramref name="policy"/>: its own-history days and the judged day.</summary>
    public static int HistoryDays(AbusePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.HistoryDays + 1;
    }

    /// <summary>Evaluates the hour ending at <paramref name="evaluatedHourEnd"/> (on the hour).</summary>
    public static AbuseCheckResult Evaluate(ServingHistory history, AbusePolicy policy, DateTimeOffset evaluatedHourEnd)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Evaluate(ServingSeries.Build(history), policy, evaluatedHourEnd);
    }

    /// <summary>As <see cref="Evaluate(ServingHistory, AbusePolicy, DateTimeOffset)"/> on a series built once.</summary>
    public static AbuseCheckResult Evaluate(ServingSeries series, AbusePolicy policy, DateTimeOffset evaluatedHourEnd)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(policy);
        if (Granularity.Hour.Floor(evaluatedHourEnd) != evaluatedHourEnd)
        {
            throw new ArgumentException($"Evaluated hour end {evaluatedHourEnd:O} is not on the hour.", nameof(evaluatedHourEnd));
        }

        if (!policy.Enabled)
        {
            return new AbuseCheckResult([], [], "disabled by policy");
        }

        var hour = evaluatedHourEnd - Granularity.Hour.Length;
        var summary = series.Summary(hour);
        var counted = summary?.Callers.All().Where(c => c.Item.Length > 0).ToArray() ?? [];
        if (summary is null || counted.Length == 0)
        {
            return new AbuseCheckResult([], [], "no requests with a caller in the hour");
        }

        var population = PopulationStatistics.Of([.. counted.Select(c => (double)c.Count)]);
        long total = summary.EventCount;
        double distinct = summary.DistinctCallers.Estimate();
        var repeats = new RepeatedInputRule(summary, policy);
        var alerts = new List<MonitorAlert>();
        var judgements = new List<CallerJudgement>();
        foreach (var (caller, requests) in counted)
        {
            bool quotaApplies = policy.QuotaPerHour is not null;
            if (requests < policy.MinimumRequests && !quotaApplies)
            {
                continue;
            }

            var fired = new List<string>();
            var evidence = Evidence(series, policy, hour, caller, requests, population, total, distinct, summary.Callers.MaxError);
            if (policy.QuotaPerHour is { } quota && requests > quota)
            {
                fired.Add(AbuseSubkind.Quota);
            }

            if (requests >= policy.MinimumRequests)
            {
                if (IsRateAbuse(policy, population, evidence))
                {
                    fired.Add(AbuseSubkind.Rate);
                }

                if (distinct >= policy.MinimumDistinctCallers && total > 0 && (double)requests / total > policy.MaxShare)
                {
                    fired.Add(AbuseSubkind.Share);
                }
            }

            if (repeats.Judge(caller, evidence))
            {
                fired.Add(AbuseSubkind.RepeatedInputs);
            }

            judgements.Add(new CallerJudgement(caller, requests, fired, evidence));
            foreach (var subkind in fired)
            {
                alerts.Add(Alert(series.ModelId, subkind, caller, requests, hour, evaluatedHourEnd, evidence));
            }
        }

        return new AbuseCheckResult(alerts, judgements);
    }

    /// <summary>P(X ≥ k) for X ~ Poisson(λ): the regularized lower incomplete gamma P(k, λ), exact in the far tail.</summary>
    internal static double PoissonUpperTail(long k, double lambda)
    {
        if (k <= 0)
        {
            return 1.0;
        }

        return lambda <= 0 ? 0.0 : Math.Clamp(SpecialFunctions.GammaLowerRegularized(k, lambda), 0.0, 1.0);
    }

    private static Dictionary<string, double?> Evidence(
        ServingSeries series, AbusePolicy policy, DateTimeOffset hour, string caller, long requests, PopulationStatistics population, long total, double distinct, long maxError)
    {
        var own = new List<double>();
        for (var d = 1; d <= policy.HistoryDays; d++)
        {
            var earlier = hour - TimeSpan.FromDays(d);
            if (series.Hour(earlier) is null)
            {
                // Before the coverage: unknown, not zero.
                continue;
            }

            // Inside the coverage a caller absent from an hour sent nothing then: a new caller's baseline is 0.
            own.Add(series.Summary(earlier)?.Callers.GetCount(caller) ?? 0);
        }

        double? baseline = own.Count >= policy.MinimumHistoryDays ? Operations.Median.Of(own) : null;
        return new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["requests"] = requests,
            ["baseline"] = baseline,
            ["baselineDays"] = own.Count,
            ["daysSeen"] = own.Count(c => c > 0),
            // A baseline of zero (a caller absent on most earlier days) is tested as one request an hour.
            ["ownPValue"] = baseline is { } b ? PoissonUpperTail(requests, Math.Max(b, 1.0)) : null,
            ["populationCallers"] = population.Callers,
            ["populationMedian"] = population.Median,
            ["mad"] = population.Mad,
            ["robustZ"] = population.RobustZ(requests),
            ["share"] = total > 0 ? (double)requests / total : null,
            ["hourRequests"] = total,
            ["distinctCallers"] = distinct,
            ["quota"] = policy.QuotaPerHour,
            ["countMaxError"] = maxError,
        };
    }

    private static bool IsRateAbuse(AbusePolicy policy, PopulationStatistics population, Dictionary<string, double?> evidence)
    {
        double requests = evidence["requests"]!.Value;
        bool outOfPopulation = population.Callers >= policy.MinimumPopulation
            && evidence["robustZ"] > policy.PopulationZ
            && requests >= policy.PopulationRatio * Math.Max(population.Median, 1.0);
        if (!outOfPopulation)
        {
            return false;
        }

        // With too short a model history nothing is guessed: every caller would look new.
        if (evidence["baseline"] is not { } baseline)
        {
            return false;
        }

        return requests >= policy.OwnRatio * Math.Max(baseline, 1.0) && evidence["ownPValue"] < policy.Alpha;
    }

    private static MonitorAlert Alert(string modelId, string subkind, string caller, long requests, DateTimeOffset hour, DateTimeOffset hourEnd, Dictionary<string, double?> evidence)
    {
        string why = subkind switch
        {
            AbuseSubkind.Quota => string.Create(CultureInfo.InvariantCulture, $"over its quota of {evidence["quota"]} per hour"),
            AbuseSubkind.Share => string.Create(CultureInfo.InvariantCulture, $"{evidence["share"]:P1} of all {evidence["hourRequests"]} requests"),
            AbuseSubkind.RepeatedInputs => evidence["repeatZ"] > evidence["nearRepeatZ"]
                ? string.Create(CultureInfo.InvariantCulture, $"of which {evidence["repeatShare"]:P0} repeated an identical input ({evidence["distinctInputs"]:0} distinct of {evidence["inputs"]} inputs) where a median caller repeats {evidence["populationRepeatShare"]:P0}")
                : string.Create(CultureInfo.InvariantCulture, $"of which {evidence["nearRepeatShare"]:P0} were near-identical to an earlier input ({evidence["distinctNearInputs"]:0} distinct buckets of {evidence["inputs"]} inputs) where a median caller's share is {evidence["populationNearRepeatShare"]:P0}"),
            _ => evidence["daysSeen"] > 0
                ? string.Create(CultureInfo.InvariantCulture, $"against its own median {evidence["baseline"]:0.#} in this hour on earlier days and a median caller's {evidence["populationMedian"]:0.#} (robust z {evidence["robustZ"]:0.#})")
                : string.Create(CultureInfo.InvariantCulture, $"a new caller (not seen in this hour on {evidence["baselineDays"]} earlier days), against a median caller's {evidence["populationMedian"]:0.#} (robust z {evidence["robustZ"]:0.#})"),
        };
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Caller '{caller}' (in the feature slot) sent {requests} requests in hour {hour:yyyy-MM-dd HH}:00Z, {why}.");
        var severity = subkind == AbuseSubkind.Quota || evidence["robustZ"] >= 20 ? Severity.Error : Severity.Warning;
        return new MonitorAlert(AlertKind.Abuse, subkind, modelId, WindowSummary.AnyVersion, caller, severity, hour, hourEnd, evidence, message);
    }
}
