namespace ModelMonitor.Core.Rollbacks;

/// <summary>Parsed golden examples, or the problems (each naming its line); on any problem no example is returned.</summary>
public sealed record GoldenExamplesResult(IReadOnlyList<GoldenExample> Examples, IReadOnlyList<string> Errors);
