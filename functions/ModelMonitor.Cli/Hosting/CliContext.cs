using ModelMonitor.Cli.Output;
using Spectre.Console;

namespace ModelMonitor.Cli.Hosting;

/// <summary>
/// What a command may touch besides storage: stdout for results (machine-readable by default), stderr for
/// progress and human reports, and the clock.
/// </summary>
public sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr, TimeProvider timeProvider)
    {
        Out = stdout ?? throw new ArgumentNullException(nameof(stdout));
        Error = stderr ?? throw new ArgumentNullException(nameof(stderr));
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        OutConsole = Consoles.Create(stdout);
        ErrorConsole = Consoles.Create(stderr);
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Who runs the CLI (the approver of <c>rollback --approve</c>). <value>Default: the OS user.</value></summary>
    public string UserName { get; init; } = Environment.UserName;

    /// <summary>Spectre console over stdout, for <c>--format table</c>.</summary>
    public IAnsiConsole OutConsole { get; }

    /// <summary>Spectre console over stderr, for progress and reports that must not pollute stdout.</summary>
    public IAnsiConsole ErrorConsole { get; }
}
