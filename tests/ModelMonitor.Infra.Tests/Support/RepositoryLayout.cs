using System.Reflection;

namespace ModelMonitor.Infra.Tests.Support;

/// <summary>
/// Paths of the files under test. The repository root is resolved by MSBuild when the test project builds and
/// stamped on the assembly as <see cref="AssemblyMetadataAttribute"/> (see the csproj), so no path is hard-coded.
/// </summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = ReadMetadata("RepositoryRoot");

    public static string BicepDirectory => Path.Combine(Root, "bicep");

    public static string LocalSettingsSample => Path.Combine(Root, "local.settings.sample.json");

    public static string SettingsDoc => Path.Combine(Root, "docs", "settings.md");

    public static string Workbook => Path.Combine(Root, "infra", "dashboards", "modelmonitor-workbook.json");

    /// <summary>Every <c>.bicep</c> file under bicep/, as paths relative to that folder, sorted.</summary>
    public static IReadOnlyList<string> BicepFiles() => FilesWithExtension(".bicep");

    /// <summary>Every <c>.bicepparam</c> file under bicep/, as paths relative to that folder, sorted.</summary>
    public static IReadOnlyList<string> ParameterFiles() => FilesWithExtension(".bicepparam");

    public static string InBicepDirectory(string relativePath) => Path.GetFullPath(Path.Combine(BicepDirectory, relativePath));

    public static string ReadMetadata(string key) =>
        typeof(RepositoryLayout).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException(
            $"Assembly metadata '{key}' is missing: ModelMonitor.Infra.Tests.csproj sets it at build time.");

    private static List<string> FilesWithExtension(string extension) =>
        Directory.EnumerateFiles(BicepDirectory, "*", SearchOption.AllDirectories)
            .Where(path => string.Equals(Path.GetExtension(path), extension, StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(BicepDirectory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
