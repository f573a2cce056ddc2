namespace ModelMonitor.Service.Rollbacks.Probes;

/// <summary>Reads a target's golden examples file (JSON lines) from where its configuration says.</summary>
public interface IGoldenExampleSource
{
    /// <exception cref="GoldenExamplesUnavailableException">The file is missing or unreadable.</exception>
    Task<string> ReadAsync(string location, CancellationToken cancellationToken = default);
}
