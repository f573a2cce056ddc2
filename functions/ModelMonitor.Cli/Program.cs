using ModelMonitor.Cli;

// Ctrl+C cancels the running command; everything else lives in CliApp so tests can run it in-process.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await CliApp.InvokeAsync(args, Console.Out, Console.Error, TimeProvider.System, cancellation.Token);
