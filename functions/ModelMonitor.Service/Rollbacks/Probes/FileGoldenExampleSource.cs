namespace ModelMonitor.Service.Rollbacks.Probes;

/// <summary>Golden examples from a local file, relative paths resolved against a base directory (the CLI: the config file's).</summary>
public sealed class FileGoldenExampleSource(string baseDirectory) : IGoldenExampleSource
{
    public async Task<string> ReadAsync(string location, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(location, baseDirectory);
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GoldenExamplesUnavailableException($"cannot read golden examples {path}: {ex.Message}", ex);
        }
    }
}
