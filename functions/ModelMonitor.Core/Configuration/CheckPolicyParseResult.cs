using ModelMonitor.Core.Checks;

namespace ModelMonitor.Core.Configuration;

/// <summary>A parsed "checks" section: the policy, or every reason it was rejected ("$.path: reason").</summary>
/// <param name="Policy">The policy; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Problems with the document, each naming the JSON path.</param>
public sealed record CheckPolicyParseResult(CheckPolicy? Policy, IReadOnlyList<string> Errors)
{
    /// <summary>True when the document is valid.</summary>
    public bool IsValid => Errors.Count == 0;
}
