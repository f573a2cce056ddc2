namespace ModelMonitor.Core.Checks;

/// <summary>One data-quality problem found in the current window.</summary>
/// <remarks>Evidence keys are camelCase and depend on the subkind (e.g. count, share, threshold, n); values are finite or null.</remarks>
public sealed record DataQualityFinding
{
    /// <param name="subkind">One of the <see cref="DataQualitySubkind"/> names.</param>
    /// <param name="feature">The feature, or null for the model's prediction scores.</param>
    /// <param name="severity">How urgent.</param>
    /// <param name="evidence">The numbers behind the finding.</param>
    /// <param name="message">One human-readable sentence.</param>
    public DataQualityFinding(string subkind, string? feature, Severity severity, IReadOnlyDictionary<string, double?> evidence, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(subkind);
        ArgumentException.ThrowIfNullOrEmpty(message);
        Subkind = subkind;
        Feature = feature;
        Severity = Enum.IsDefined(severity) ? severity : throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity.");
        Evidence = Checks.Evidence.Snapshot(evidence);
        Message = message;
    }

    public string Subkind { get; }

    public string? Feature { get; }

    public Severity Severity { get; }

    public IReadOnlyDictionary<string, double?> Evidence { get; }

    public string Message { get; }
}
