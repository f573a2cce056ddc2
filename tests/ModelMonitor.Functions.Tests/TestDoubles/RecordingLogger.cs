using Microsoft.Extensions.Logging;

namespace ModelMonitor.Functions.Tests.TestDoubles;

/// <summary>Keeps every log entry: event id, level, rendered message and exception.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<(EventId Id, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((eventId, logLevel, formatter(state, exception), exception));
        }
    }
}
