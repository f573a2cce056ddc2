using System.CommandLine;
using ModelMonitor.Cli.Commands;
using ModelMonitor.Cli.Hosting;

namespace ModelMonitor.Cli;

/// <summary>
/// The <c>modelmonitor</c> command line, runnable in-process: results on <c>stdout</c>, progress, reports and errors
/// on <c>stderr</c>. Failures are mapped to exit codes here, once, rather than in every command:
/// 2 for usage and input errors, 1 for storage failures (with a hint) and anything unexpected, 130 when cancelled.
/// </summary>
public static class CliApp
{
    public static Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        InvokeAsync(args, new CliContext(stdout, stderr, timeProvider ?? TimeProvider.System), cancellationToken);

    /// <summary>Runs one command with a given context (tests set its <see cref="CliContext.UserName"/>).</summary>
    public static async Task<int> InvokeAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var (stdout, stderr) = (context.Out, context.Error);
        var parse = CreateRootCommand(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'modelmonitor --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = stdout,
                    Error = stderr,
                    EnableDefaultExceptionHandler = false,
                    ProcessTerminationTimeout = null,
                },
                cancellationToken);
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (StorageErrors.IsStorageFailure(ex))
        {
            await stderr.WriteLineAsync($"error: {StorageErrors.Describe(ex)}");
            await stderr.WriteLineAsync(StorageErrors.Hint);
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // Not the user's input and not storage: a bug or an environment problem. Say what, without hiding it.
            await stderr.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {ex.Message}");
            await stderr.WriteLineAsync(ex.StackTrace);
            return ExitCodes.Failure;
        }
    }

    internal static RootCommand CreateRootCommand(CliContext context)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("ModelMonitor: ingest, summarize and inspect ML model monitoring data (local Azurite by default).")
        {
            global.Storage,
            IngestCommand.Create(context, global),
            SummaryCommand.Create(context, global),
            DeadLettersCommand.Create(context, global),
            RollupCommand.Create(context, global),
            DemoCommand.Create(context, global),
            DriftCommand.Create(context),
            ReferenceCommand.Create(context, global),
            CheckCommand.Create(context, global),
            AzureAlertCommand.Create(context),
            ConfigCommand.Create(context, global),
            RollbackCommand.Create(context),
            ReplayCommand.Create(context, global),
            ReportCommand.Create(context, global),
            ConvertCommand.Create(context),
        };
        return root;
    }
}
