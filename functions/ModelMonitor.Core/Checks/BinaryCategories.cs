using ModelMonitor.Core.Sketches;

namespace ModelMonitor.Core.Checks;

/// <summary>
/// Which category sets count as binary: every category is one of "true", "false", "1", "0" (any case), with
/// "true"/"1" the positive value. Booleans arrive as "true"/"false"; binary labels as "0"/"1".
/// </summary>
internal static class BinaryCategories
{
    public const string True = "true";
    public const string False = "false";

    public static bool IsBinaryToken(string category) =>
        category is "0" or "1"
        || string.Equals(category, True, StringComparison.OrdinalIgnoreCase)
        || string.Equals(category, False, StringComparison.OrdinalIgnoreCase);

    public static bool IsPositive(string category) =>
        category == "1" || string.Equals(category, True, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the counter is exact, not empty, and holds only binary tokens.</summary>
    public static bool IsBinary(FrequentItems items) =>
        items.TotalCount > 0 && items.IsExact && items.All().All(c => IsBinaryToken(c.Item));

    /// <summary>(positives, total) of a counter that <see cref="IsBinary"/> accepted.</summary>
    public static (long Positives, long Total) Count(FrequentItems items)
    {
        long positives = items.All().Where(c => IsPositive(c.Item)).Sum(c => c.Count);
        return (positives, items.TotalCount);
    }
}
