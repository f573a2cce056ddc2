using Spectre.Console;

namespace ModelMonitor.Cli.Output;

/// <summary>Spectre progress bars on the error console, so stdout carries only results.</summary>
internal static class ProgressDisplay
{
    public static Task<T> RunAsync<T>(IAnsiConsole console, TimeProvider timeProvider, Func<ProgressContext, Task<T>> work) =>
        new Progress(console, timeProvider)
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(work);
}
