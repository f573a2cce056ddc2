using System.CommandLine;
using System.Text;
using System.Text.Json;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Service.Rollbacks;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor azure-alert --payload FILE.json --config FILE.json [--dry-run] [--format json|table]</c>: reads one
/// Azure Monitor webhook payload as <c>POST /api/alerts/azure-monitor</c> does and says what it would do. Rollbacks
/// go to a recording starter (nothing is swapped) until the in-process orchestration starter is wired here.
/// </summary>
internal static class AzureAlertCommand
{
    /// <summary>The largest payload Azure Monitor sends (and the endpoint accepts).</summary>
    private const int MaxPayloadBytes = 256 * 1024;

    public static Command Create(CliContext context)
    {
        var payload = new Option<FileInfo>("--payload") { Description = "Common Alert Schema payload", Required = true, HelpName = "FILE.json" };
        var config = new Option<FileInfo>("--config") { Description = "Rollback configuration ({\"targets\":{…}})", Required = true, HelpName = "FILE.json" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Start a dry-run rollback instead" };
        var format = GlobalOptions.CreateFormat();
        var command = new Command("azure-alert", "Read one Azure Monitor alert payload as the webhook would") { payload, config, dryRun, format };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse.GetRequiredValue(payload), parse.GetRequiredValue(config), parse.GetValue(dryRun), GlobalOptions.ParseFormat(parse.GetValue(format)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, FileInfo payloadFile, FileInfo configFile, bool dryRun, OutputFormat format, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(payloadFile, "--payload", cancellationToken);
        if (body.Length > MaxPayloadBytes)
        {
            throw new CliUsageException($"--payload is {body.Length} bytes; Azure Monitor payloads are at most {MaxPayloadBytes}.");
        }

        var parsed = CommonAlertParser.Parse(body);
        if (parsed.Alert is null)
        {
            throw new CliUsageException(parsed.Error!);
        }

        IReadOnlyList<RollbackTarget> targets;
        try
        {
            targets = RollbackTargetsDocument.Parse(Encoding.UTF8.GetString(await ReadAsync(configFile, "--config", cancellationToken)));
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"--config is not valid JSON: {ex.Message}");
        }

        var handler = new AzureMonitorAlertHandler(new StaticRollbackTargets(targets), new InMemoryAlertReceiptLog(), new RecordingRollbackStarter(), context.TimeProvider);
        var outcome = await handler.HandleAsync(parsed.Alert, dryRun, cancellationToken);
        await context.Out.WriteLineAsync(format == OutputFormat.Json ? ToJson(outcome) : ToTable(outcome));
        return ExitCodes.Success;
    }

    private static string ToJson(AzureAlertOutcome outcome)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("alertId", outcome.AlertId);
            writer.WriteString("alertRule", outcome.AlertRule);
            writer.WriteString("severity", outcome.Severity);
            writer.WriteString("monitorCondition", outcome.MonitorCondition);
            writer.WriteString("modelId", outcome.ModelId);
            writer.WriteString("action", outcome.Action);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string ToTable(AzureAlertOutcome o) =>
        $"alert {o.AlertId}\nrule {o.AlertRule ?? "-"}  severity {o.Severity ?? "-"}  condition {o.MonitorCondition ?? "-"}\nmodel {o.ModelId ?? "-"}  action {o.Action}";

    private static async Task<byte[]> ReadAsync(FileInfo file, string option, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{option}: cannot read {file.FullName} ({ex.GetType().Name}).");
        }
    }
}
