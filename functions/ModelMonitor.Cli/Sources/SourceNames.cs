using System.Text;
using ModelMonitor.Core.Events;

namespace ModelMonitor.Cli.Sources;

/// <summary>Partition names for file sources: they become blob path segments, so they follow the identifier rules.</summary>
public static class SourceNames
{
    public const string Fallback = "events";

    /// <summary>The file's name with every character outside <c>[A-Za-z0-9._-]</c> replaced by '-', cut to 64 characters.</summary>
    public static string FromFileName(string path)
    {
        var name = Path.GetFileName(path);
        var sanitized = new StringBuilder(Math.Min(name.Length, ParserLimits.MaxIdLength));
        foreach (var c in name)
        {
            if (sanitized.Length == ParserLimits.MaxIdLength)
            {
                break;
            }

            sanitized.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        var result = sanitized.ToString();
        return Identifiers.IsValidPathId(result) ? result : Fallback;
    }
}
