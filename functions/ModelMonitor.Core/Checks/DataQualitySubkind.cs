namespace ModelMonitor.Core.Checks;

/// <summary>Stable names of the data-quality checks, as in <see cref="DataQualityFinding.Subkind"/> and alert subkinds.</summary>
public static class DataQualitySubkind
{
    /// <summary>NaN values in the current window.</summary>
    public const string Nan = "nan";

    /// <summary>±∞ values in the current window.</summary>
    public const string Inf = "inf";

    /// <summary>The missing rate rose by at least the threshold.</summary>
    public const string Missing = "missing";

    /// <summary>A share of current values lies outside the reference [min, max].</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>A share of current categories never occurs in the reference.</summary>
    public const string UnseenCategory = "unseen-category";

    /// <summary>A feature appeared or disappeared.</summary>
    public const string Schema = "schema";

    /// <summary>The dominant value type changed, or the feature became mixed-type.</summary>
    public const string Type = "type";
}
