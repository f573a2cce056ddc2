using System.Text.Json;

namespace ModelMonitor.Core.Rollbacks;

/// <summary>One golden example: the request body posted to the scoring path and the response part it must produce.</summary>
/// <param name="Line">1-based line in the golden file, for messages.</param>
/// <param name="Input">The request body (raw JSON).</param>
/// <param name="Expected">The expected response (raw JSON); numbers match within <paramref name="Tolerance"/>.</param>
/// <param name="Tolerance">Absolute tolerance for numbers. <value>Default 0 (exact).</value></param>
public sealed record GoldenExample(int Line, string Input, string Expected, double Tolerance);
