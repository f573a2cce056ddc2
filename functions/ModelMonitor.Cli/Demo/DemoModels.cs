namespace ModelMonitor.Cli.Demo;

/// <summary>The simulated models the demo knows, in canonical order, and what its report highlights for each.</summary>
public static class DemoModels
{
    public const string Fraud = "fraud";
    public const string Recsys = "recsys";
    public const string Pricing = "pricing";

    public static IReadOnlyList<string> All { get; } = [Fraud, Recsys, Pricing];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>Parses a comma-separated list into canonical order; unknown names are returned in <paramref name="unknown"/>.</summary>
    public static IReadOnlyList<string> Parse(string list, out IReadOnlyList<string> unknown)
    {
        ArgumentNullException.ThrowIfNull(list);
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        unknown = [.. names.Where(n => !IsKnown(n))];
        return [.. All.Where(m => names.Contains(m, StringComparer.Ordinal))];
    }

    /// <summary>Numeric features the demo report shows (mean, p50, p95) for a model.</summary>
    public static IReadOnlyList<string> Highlights(string model) => model switch
    {
        Fraud => [FraudSimulator.Amount, "deviceRisk", "cardAgeDays"],
        Recsys => ["userTenureDays", "candidateCount"],
        Pricing => ["basePrice", "demandIndex", "competitorPrice"],
        _ => [],
    };
}
