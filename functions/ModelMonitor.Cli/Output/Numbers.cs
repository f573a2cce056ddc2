using System.Globalization;

namespace ModelMonitor.Cli.Output;

/// <summary>Human formatting for tables: invariant culture, "–" for undefined values.</summary>
internal static class Numbers
{
    public const string Undefined = "–";

    public static string Format(double value) =>
        !double.IsFinite(value) ? Undefined
        : Math.Abs(value) >= 1e6 || (value != 0 && Math.Abs(value) < 1e-3) ? value.ToString("0.###e+0", CultureInfo.InvariantCulture)
        : value.ToString("#,0.###", CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) =>
        double.IsFinite(fraction) ? fraction.ToString("0.0%", CultureInfo.InvariantCulture) : Undefined;
}
