namespace ModelMonitor.Cli.Tests.Infrastructure;

/// <summary>One in-process invocation of the CLI and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static Task<CliRun> InvokeAsync(params string[] args) => InvokeAsync(TimeProvider.System, args);

    /// <summary>Runs the CLI with <paramref name="clock"/> as its only source of time.</summary>
    public static async Task<CliRun> InvokeAsync(TimeProvider clock, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.InvokeAsync(args, stdout, stderr, clock);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The last line of stdout (JSON commands print exactly one).</summary>
    public string StdoutLine => Stdout.TrimEnd('\r', '\n').Split('\n')[^1];

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
