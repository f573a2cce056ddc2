using System.CommandLine;
using System.Globalization;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Core.Checks;
using ModelMonitor.Core.Statistics;
using Spectre.Console;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor drift --reference REF.csv --current CUR.csv [--sketch] [--format json|table]</c>: per-feature drift
/// between two CSV files. Exact by default (raw values); <c>--sketch</c> goes through the same window summaries the
/// service uses, so its numbers carry the sketches' (documented) error.
/// </summary>
internal static class DriftCommand
{
    public static Command Create(CliContext context)
    {
        var reference = new Option<FileInfo>("--reference") { Description = "Reference CSV (header row; numeric, binary or categorical columns)", Required = true, HelpName = "REF.csv" };
        var current = new Option<FileInfo>("--current") { Description = "Current CSV with the same columns", Required = true, HelpName = "CUR.csv" };
        var sketch = new Option<bool>("--sketch") { Description = "Compute through window summaries (the service's sketch path)" };
        var format = GlobalOptions.CreateFormat();
        var command = new Command("drift", "Compare two CSV files feature by feature (KS, chi-square, PSI, Jensen-Shannon, Wasserstein)") { reference, current, sketch, format };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse.GetRequiredValue(reference),
            parse.GetRequiredValue(current),
            parse.GetValue(sketch),
            GlobalOptions.ParseFormat(parse.GetValue(format)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, FileInfo referenceFile, FileInfo currentFile, bool sketch, OutputFormat format, CancellationToken cancellationToken)
    {
        var reference = await ReadCsvAsync(referenceFile, "--reference", cancellationToken);
        var current = await ReadCsvAsync(currentFile, "--current", cancellationToken);
        var policy = new DriftPolicy();
        var report = sketch
            ? DriftReports.FromSummaries(SummaryBuilder.FromColumns(reference.Columns), SummaryBuilder.FromColumns(current.Columns), policy)
            : DriftReports.FromColumns(reference.Columns, current.Columns, policy);

        if (format == OutputFormat.Json)
        {
            await context.Out.WriteLineAsync(DriftReportJson.Serialize(report));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("feature", "kind", "n ref", "n cur", "method", "score", "threshold", "psi", "js", "w/σ", "status");
        foreach (var f in report.Features)
        {
            table.AddRow(
                Markup.Escape(f.Name),
                f.Kind.ToString().ToLowerInvariant(),
                f.ReferenceCount.ToString(CultureInfo.InvariantCulture),
                f.CurrentCount.ToString(CultureInfo.InvariantCulture),
                f.Method,
                Format(f.Score),
                Format(f.Threshold),
                Format(f.Psi),
                Format(f.JensenShannon),
                Format(f.WassersteinNormalized),
                f.Drifted ? "[red]drifted[/]" : Markup.Escape(f.Status.ToString()));
        }

        var console = Consoles.Create(context.Out);
        console.Write(table);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"drifted share {report.DriftedShare:P0}: dataset {(report.DatasetDrifted ? "[red]drifted[/]" : "not drifted")}"));
        return ExitCodes.Success;
    }

    internal static async Task<CsvTable> ReadCsvAsync(FileInfo file, string option, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliUsageException($"{option}: file '{file.FullName}' does not exist.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var reader = file.OpenText();
        var result = CsvTable.Read(reader);
        await Task.CompletedTask;
        return result.Table ?? throw new CliUsageException($"{option}: {file.Name} is not a usable CSV file: {result.Error}");
    }

    private static string Format(double? value) => value is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";
}
