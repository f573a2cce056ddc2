namespace ModelMonitor.Examples.ScoringApi.Scoring;

/// <summary>
/// A stand-in for a real model: a fixed logistic score from the amount, the country and the account's age. Pure, so
/// the example's point, what happens around the model, stays in view.
/// </summary>
public static class ToyFraudModel
{
    /// <summary>The model id the events carry (and the Event Hubs partition key).</summary>
    public const string ModelId = "toy-fraud";

    /// <summary>The model version the events carry.</summary>
    public const string ModelVersion = "1.0.0";

    /// <summary>At or above this score the label is <c>fraud</c>.</summary>
    public const double Threshold = 0.5;

    private static readonly HashSet<string> UsualCountries = new(StringComparer.OrdinalIgnoreCase) { "DE", "FR", "NL", "GB", "US" };

    /// <summary>The fraud probability, in (0, 1).</summary>
    public static double Score(double amount, string country, double? accountAgeDays)
    {
        var z = -4.0
            + (0.004 * amount)
            + (UsualCountries.Contains(country) ? 0.0 : 1.5)
            - (0.005 * Math.Min(accountAgeDays ?? 0, 365));
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>The label for <paramref name="score"/>.</summary>
    public static string Label(double score) => score >= Threshold ? "fraud" : "legit";
}
