using System.Text.RegularExpressions;

namespace ModelMonitor.Functions.Api;

/// <summary>What a model or instance id in a route or body may look like: safe as a table key and a blob path.</summary>
public static partial class ModelIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
