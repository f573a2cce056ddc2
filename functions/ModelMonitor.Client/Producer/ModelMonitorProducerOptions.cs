using System.Text;
using Azure.Core;

namespace ModelMonitor.Client;

/// <summary>
/// Settings of <see cref="ModelMonitorProducer"/>. Connect with either <see cref="FullyQualifiedNamespace"/>
/// and <see cref="Credential"/> (managed identity, preferred) or <see cref="ConnectionString"/>.
/// Checked when the producer is built; <see cref="Validate"/> lists the problems for a start-up check.
/// </summary>
public sealed record ModelMonitorProducerOptions
{
    /// <summary>The Event Hubs namespace host, e.g. <c>contoso.servicebus.windows.net</c> (not a URI).</summary>
    public string? FullyQualifiedNamespace { get; init; }

    /// <summary>The identity to connect with, with <see cref="FullyQualifiedNamespace"/>.</summary>
    public TokenCredential? Credential { get; init; }

    /// <summary>A shared-access connection string, instead of namespace and credential. Redacted from <c>ToString</c>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The event hub; optional only with a connection string that has <c>EntityPath</c>.</summary>
    public string? EventHubName { get; init; }

    /// <summary>
    /// Events held in memory while the pump sends; beyond that <see cref="FullMode"/> applies. The pump holds
    /// up to 100 more, taken from the buffer for the send in progress.
    /// </summary>
    /// <value>10,000; between 1 and 10,000,000.</value>
    public int BufferCapacity { get; init; } = 10_000;

    /// <summary>Which event to drop when the buffer is full.</summary>
    /// <value><see cref="BufferFullMode.DropNewest"/>.</value>
    public BufferFullMode FullMode { get; init; } = BufferFullMode.DropNewest;

    /// <summary>How long <c>DisposeAsync</c> may spend sending what is buffered before it gives up.</summary>
    /// <value>10 seconds; more than zero, at most one hour.</value>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per send when failures are transient, the first included.</summary>
    /// <value>5; between 1 and 100.</value>
    public int MaxSendAttempts { get; init; } = 5;

    /// <summary>Back-off after the first failed attempt; it doubles after each further one.</summary>
    /// <value>500 milliseconds; zero or more.</value>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest back-off between attempts.</summary>
    /// <value>30 seconds; at least <see cref="RetryBaseDelay"/>.</value>
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these settings, connection included; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate() => GetErrors(includeConnection: true);

    internal void ThrowIfInvalid(bool includeConnection)
    {
        var errors = GetErrors(includeConnection);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                $"Invalid {nameof(ModelMonitorProducerOptions)}: {string.Join(" ", errors)}", "options");
        }
    }

    internal List<string> GetErrors(bool includeConnection)
    {
        var errors = new List<string>();
        if (BufferCapacity is < 1 or > 10_000_000)
        {
            errors.Add($"{nameof(BufferCapacity)} must be between 1 and 10,000,000; got {BufferCapacity}.");
        }

        if (!Enum.IsDefined(FullMode))
        {
            errors.Add($"{nameof(FullMode)} must be {nameof(BufferFullMode.DropNewest)} or {nameof(BufferFullMode.DropOldest)}; got {(int)FullMode}.");
        }

        if (FlushTimeout <= TimeSpan.Zero || FlushTimeout > TimeSpan.FromHours(1))
        {
            errors.Add($"{nameof(FlushTimeout)} must be more than zero and at most one hour; got {FlushTimeout}.");
        }

        if (MaxSendAttempts is < 1 or > 100)
        {
            errors.Add($"{nameof(MaxSendAttempts)} must be between 1 and 100; got {MaxSendAttempts}.");
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay || RetryMaxDelay > TimeSpan.FromHours(1))
        {
            errors.Add($"{nameof(RetryBaseDelay)} must be zero or more and {nameof(RetryMaxDelay)} at least {nameof(RetryBaseDelay)} and at most one hour; got {RetryBaseDelay} and {RetryMaxDelay}.");
        }

        if (includeConnection)
        {
            AddConnectionErrors(errors);
        }

        return errors;
    }

    private void AddConnectionErrors(List<string> errors)
    {
        var hasNamespace = !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (hasNamespace == hasConnectionString)
        {
            errors.Add($"Set either {nameof(FullyQualifiedNamespace)} with {nameof(Credential)}, or {nameof(ConnectionString)}; not {(hasNamespace ? "both" : "neither")}.");
            return;
        }

        if (hasNamespace)
        {
            if (FullyQualifiedNamespace!.Contains('/', StringComparison.Ordinal))
            {
                errors.Add($"{nameof(FullyQualifiedNamespace)} must be a host name like 'contoso.servicebus.windows.net', not a URI; got '{FullyQualifiedNamespace}'.");
            }

            if (Credential is null)
            {
                errors.Add($"{nameof(Credential)} is required with {nameof(FullyQualifiedNamespace)} (e.g. a DefaultAzureCredential or ManagedIdentityCredential).");
            }

            if (string.IsNullOrWhiteSpace(EventHubName))
            {
                errors.Add($"{nameof(EventHubName)} is required with {nameof(FullyQualifiedNamespace)}.");
            }

            return;
        }

        var entityPath = GetEntityPath(ConnectionString!);
        if (string.IsNullOrWhiteSpace(EventHubName) && entityPath is null)
        {
            errors.Add($"{nameof(EventHubName)} is required unless the {nameof(ConnectionString)} has an EntityPath.");
        }
        else if (!string.IsNullOrWhiteSpace(EventHubName) && entityPath is not null && entityPath != EventHubName)
        {
            errors.Add($"{nameof(EventHubName)} '{EventHubName}' differs from the {nameof(ConnectionString)}'s EntityPath '{entityPath}'.");
        }
    }

    /// <summary>The <c>EntityPath</c> of a connection string, or null.</summary>
    internal static string? GetEntityPath(string connectionString)
    {
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim().Equals("EntityPath", StringComparison.OrdinalIgnoreCase))
            {
                var value = part[(equals + 1)..].Trim();
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }

    // Records print every property; a connection string holds a key, so it must never reach a log.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"{nameof(FullyQualifiedNamespace)} = {FullyQualifiedNamespace}, ");
        builder.Append($"{nameof(Credential)} = {Credential?.GetType().Name}, ");
        builder.Append($"{nameof(ConnectionString)} = {(ConnectionString is null ? string.Empty : "***")}, ");
        builder.Append($"{nameof(EventHubName)} = {EventHubName}, ");
        builder.Append($"{nameof(BufferCapacity)} = {BufferCapacity}, {nameof(FullMode)} = {FullMode}, ");
        builder.Append($"{nameof(FlushTimeout)} = {FlushTimeout}, {nameof(MaxSendAttempts)} = {MaxSendAttempts}, ");
        builder.Append($"{nameof(RetryBaseDelay)} = {RetryBaseDelay}, {nameof(RetryMaxDelay)} = {RetryMaxDelay}");
        return true;
    }
}
