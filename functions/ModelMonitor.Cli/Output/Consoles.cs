using Spectre.Console;

namespace ModelMonitor.Cli.Output;

/// <summary>Spectre consoles over arbitrary writers: live rendering and colour only on a real terminal.</summary>
internal static class Consoles
{
    /// <summary>Width used when the writer is a file, a pipe or a test's StringWriter (Spectre would assume 80).</summary>
    public const int RedirectedWidth = 160;

    public static IAnsiConsole Create(TextWriter writer)
    {
        var output = new AnsiConsoleOutput(writer);
        var terminal = output.IsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
