namespace ModelMonitor.Service.Tests.Notifications;

internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset At);
