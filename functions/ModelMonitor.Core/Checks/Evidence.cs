namespace ModelMonitor.Core.Checks;

/// <summary>Evidence dictionaries: copied on construction, values finite or null (so JSON never meets NaN).</summary>
internal static class Evidence
{
    public static IReadOnlyDictionary<string, double?> Snapshot(IReadOnlyDictionary<string, double?> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var copy = new Dictionary<string, double?>(evidence.Count, StringComparer.Ordinal);
        foreach ((string key, double? value) in evidence)
        {
            ArgumentException.ThrowIfNullOrEmpty(key, nameof(evidence));
            copy[key] = value is { } v && !double.IsFinite(v)
                ? throw new ArgumentException($"Evidence '{key}' is not finite ({v}).", nameof(evidence))
                : value;
        }

        return copy.AsReadOnly();
    }

    /// <summary>Maps NaN and ±∞ to null, for metrics that can be undefined.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
