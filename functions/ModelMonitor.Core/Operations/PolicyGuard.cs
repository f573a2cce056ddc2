namespace ModelMonitor.Core.Operations;

/// <summary>Argument checks shared by the operational policy records: each failure names the setting.</summary>
internal static class PolicyGuard
{
    public static double Fraction(double value, string name, bool allowOne = false)
    {
        bool ok = value > 0 && (allowOne ? value <= 1 : value < 1);
        return ok ? value : throw new ArgumentOutOfRangeException(name, value, allowOne ? "Must be in (0, 1]." : "Must be in (0, 1).");
    }

    public static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be a positive number.");

    public static double NonNegative(double value, string name) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be a finite number ≥ 0.");

    public static long NonNegative(long value, string name) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "Must be ≥ 0.");

    public static int Range(int value, int min, int max, string name) =>
        value >= min && value <= max ? value : throw new ArgumentOutOfRangeException(name, value, $"Must be in [{min}, {max}].");

    public static T Defined<T>(T value, string name)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(name, value, "Unknown value.");
}
