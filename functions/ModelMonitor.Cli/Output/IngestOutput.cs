using ModelMonitor.Core.Ingestion;
using Spectre.Console;

namespace ModelMonitor.Cli.Output;

/// <summary>
/// The result of <c>ingest</c>. JSON is exactly
/// <c>{"received":N,"folded":N,"deadLettered":N,"skippedDuplicates":N}</c>.
/// </summary>
internal static class IngestOutput
{
    public static void Write(IngestResult result, OutputFormat format, TextWriter stdout, IAnsiConsole console)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.WriteLine(stdout, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("received", result.Received);
                w.WriteNumber("folded", result.Folded);
                w.WriteNumber("deadLettered", result.DeadLettered);
                w.WriteNumber("skippedDuplicates", result.SkippedDuplicates);
                w.WriteEndObject();
            });
            return;
        }

        var table = new Table().Title("Ingest").AddColumn("Events").AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("received", Numbers.Format(result.Received));
        table.AddRow("folded", Numbers.Format(result.Folded));
        table.AddRow("dead-lettered", Numbers.Format(result.DeadLettered));
        table.AddRow("skipped duplicates", Numbers.Format(result.SkippedDuplicates));
        table.AddRow("windows written", Numbers.Format(result.WindowsWritten));
        table.AddRow("write conflicts", Numbers.Format(result.WriteConflicts));
        console.Write(table);
    }
}
