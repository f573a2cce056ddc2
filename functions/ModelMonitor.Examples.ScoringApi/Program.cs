using ModelMonitor.Examples.ScoringApi;

// `dotnet run`: scores on http://localhost:5180; monitoring events go to monitor-events.jsonl unless
// ModelMonitor:Producer:FullyQualifiedNamespace (and EventHubName) are configured. See the client's README.
await using var app = ScoringApp.Build(args);
await app.RunAsync();
