using ModelMonitor.Cli.Hosting;
using ModelMonitor.Core.Rollbacks;

namespace ModelMonitor.Cli.Rollbacks;

/// <summary>Reads and validates a <c>--config</c> rollback configuration file; every problem is a usage error naming its JSON path.</summary>
internal static class RollbackConfigFile
{
    public static async Task<RollbackConfig> ReadAsync(FileInfo file, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--config: cannot read {file.FullName} ({ex.GetType().Name}).");
        }

        return Parse(text);
    }

    public static RollbackConfig Parse(string text)
    {
        var parsed = RollbackConfigParser.Parse(text);
        return parsed.IsValid ? parsed.Config! : throw new CliUsageException($"--config is not a valid rollback configuration: {string.Join("; ", parsed.Errors)}");
    }
}
