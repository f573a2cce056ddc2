namespace ModelMonitor.Cli.Report;

/// <summary>The files inlined into every report, embedded in this assembly (uPlot 1.6.32, MIT: see Assets/uPlot/README.md).</summary>
internal static class ReportAssets
{
    public static string UPlotJs { get; } = Read("uPlot.iife.min.js");

    public static string UPlotCss { get; } = Read("uPlot.min.css");

    public static string PageJs { get; } = Read("report.js");

    public static string PageCss { get; } = Read("report.css");

    private static string Read(string name)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream("ModelMonitor.Cli.Report." + name)
            ?? throw new InvalidOperationException($"Embedded report asset '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
