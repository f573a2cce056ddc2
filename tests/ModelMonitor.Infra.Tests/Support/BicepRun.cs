namespace ModelMonitor.Infra.Tests.Support;

/// <summary>The outcome of one Bicep CLI invocation, with its diagnostics parsed.</summary>
internal sealed record BicepRun(string Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<BicepDiagnostic> Diagnostics =>
        OutputLines().Select(BicepDiagnostic.TryParse).OfType<BicepDiagnostic>().ToList();

    /// <summary>Non-blank output lines that are not diagnostics (crashes, experimental-feature notices, …).</summary>
    public IReadOnlyList<string> OtherOutput =>
        OutputLines().Where(line => BicepDiagnostic.TryParse(line) is null).ToList();

    /// <summary>Everything the CLI printed, for failure messages.</summary>
    public string Transcript =>
        $"""
         bicep {Arguments}
         exit code {ExitCode}
         --- stdout ---
         {StandardOutput}
         --- stderr ---
         {StandardError}
         """;

    private IEnumerable<string> OutputLines() =>
        (StandardOutput + "\n" + StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
