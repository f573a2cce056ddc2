namespace ModelMonitor.Service.Tests.AzureMonitor;

/// <summary>Microsoft's published payload samples (see Samples/README.md), read from the test output.</summary>
internal static class Samples
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "AzureMonitor", "Samples", name));

    public static IEnumerable<string> CommonSchemaNames() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "AzureMonitor", "Samples"), "*.json")
            .Select(Path.GetFileName)
            .Where(n => !n!.StartsWith("other-schema", StringComparison.Ordinal))
            .Select(n => n!)
            .Order(StringComparer.Ordinal);
}
