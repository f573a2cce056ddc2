namespace ModelMonitor.Core.Checks;

/// <summary>Argument checks shared by the check policies' constructors.</summary>
internal static class PolicyArguments
{
    public static double RequireShare(double value, string paramName) =>
        value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(paramName, value, "Must be in (0, 1].");

    public static double RequireConfidence(double value, string paramName) =>
        value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(paramName, value, "Must be in (0, 1).");
}
