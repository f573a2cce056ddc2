namespace ModelMonitor.Cli.Tests.Infrastructure;

/// <summary>
/// Debian's chromium, which the browser tests drive through Playwright (Playwright's own browser downloads are not used).
/// Missing chromium is a failure with the fix in the message, never a skip: ./infra/test.sh installs it.
/// </summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static string RequirePath()
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {Path}; the report's browser test needs it. Install it with "
                + "'apt-get update && apt-get install -y chromium' (./infra/test.sh does this when it is missing).");
        }

        return Path;
    }

    /// <summary>Chromium refuses to run as root inside its sandbox.</summary>
    public static IReadOnlyList<string> Arguments() => Environment.UserName == "root" ? ["--no-sandbox"] : [];
}
