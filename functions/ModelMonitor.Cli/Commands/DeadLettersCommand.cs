using System.CommandLine;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Core.Ingestion;

namespace ModelMonitor.Cli.Commands;

/// <summary><c>modelmonitor deadletters [--format json|table]</c>: every dead letter with its reason, oldest first.</summary>
internal static class DeadLettersCommand
{
    public static Command Create(CliContext context, GlobalOptions global)
    {
        var format = GlobalOptions.CreateFormat();
        var command = new Command("deadletters", "List events that could not be folded, with the reason") { format };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(context, parse.GetRequiredValue(global.Storage), GlobalOptions.ParseFormat(parse.GetValue(format)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string connection, OutputFormat format, CancellationToken cancellationToken)
    {
        var storage = CliStorage.Connect(connection, context.TimeProvider);
        var letters = new List<DeadLetter>();
        if (await storage.Clients.DeadLetters.ExistsAsync(cancellationToken))
        {
            await foreach (var letter in storage.DeadLetters.ListAsync(cancellationToken))
            {
                letters.Add(letter);
            }
        }

        DeadLetterOutput.Write(letters, format, context.Out, context.OutConsole);
        return ExitCodes.Success;
    }
}
