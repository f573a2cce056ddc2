using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelMonitor.Infra.Tests.Support;

/// <summary>One diagnostic line of the Bicep CLI: <c>path(line,column) : Level code: message</c>.</summary>
internal sealed partial record BicepDiagnostic(string FilePath, int Line, int Column, string Level, string Code, string Message)
{
    /// <summary>Errors and warnings fail the build check; Info diagnostics do not.</summary>
    public bool IsErrorOrWarning => Level is "Error" or "Warning";

    public static BicepDiagnostic? TryParse(string line)
    {
        var match = DiagnosticPattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        return new BicepDiagnostic(
            match.Groups["path"].Value,
            int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture),
            match.Groups["level"].Value,
            match.Groups["code"].Value,
            match.Groups["message"].Value);
    }

    public bool IsFor(string fullPath) =>
        string.Equals(Path.GetFullPath(FilePath), fullPath, StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<path>.+)\((?<line>\d+),(?<column>\d+)\) : (?<level>Error|Warning|Info) (?<code>[^:]+): (?<message>.*)$")]
    private static partial Regex DiagnosticPattern();
}
