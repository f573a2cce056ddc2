using System.CommandLine;
using System.Text;
using System.Text.Json;
using Azure.Identity;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Cli.Rollbacks;
using ModelMonitor.Service.AzureMonitor;
using ModelMonitor.Service.Rollbacks.Arm;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor azure-alert --payload FILE.json --config FILE.json [--dry-run] [--format json|table]</c>: reads one
/// Azure Monitor webhook payload as <c>POST /api/alerts/azure-monitor</c> does and says what it did. A Fired alert for a
/// configured target runs its rollback in the DurableTask in-process host (as <c>rollback</c> does, with the config's
/// endpoints); the rollback's steps go to stderr, the alert's outcome to stdout. Exit code 1 when a rollback it started
/// ended other than rolled-back or dry-run.
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
        var token = new Option<string?>("--access-token") { Description = "Bearer token for ARM; default: DefaultAzureCredential", HelpName = "TOKEN" };
        var format = GlobalOptions.CreateFormat();
        var command = new Command("azure-alert", "Act on one Azure Monitor alert payload as the webhook would") { payload, config, dryRun, token, format };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context, parse.GetRequiredValue(payload), parse.GetRequiredValue(config), parse.GetValue(dryRun), parse.GetValue(token), GlobalOptions.ParseFormat(parse.GetValue(format)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, FileInfo payloadFile, FileInfo configFile, bool dryRun, string? accessToken, OutputFormat format, CancellationToken cancellationToken)
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
        var configText = Encoding.UTF8.GetString(await ReadAsync(configFile, "--config", cancellationToken));
        try
        {
            targets = RollbackTargetsDocument.Parse(configText);
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"--config is not valid JSON: {ex.Message}");
        }

        await using var starter = new LazyInProcessRollbackStarter(
            configText,
            configFile.DirectoryName ?? ".",
            () => string.IsNullOrWhiteSpace(accessToken) ? new DefaultAzureCredential() : new StaticTokenCredential(accessToken.Trim(), DateTimeOffset.MaxValue),
            context.TimeProvider);
        var handler = new AzureMonitorAlertHandler(new StaticRollbackTargets(targets), new InMemoryAlertReceiptLog(), starter, context.TimeProvider);
        var outcome = await handler.HandleAsync(parsed.Alert, dryRun, cancellationToken);
        await context.Out.WriteLineAsync(format == OutputFormat.Json ? ToJson(outcome) : ToTable(outcome));
        var exit = ExitCodes.Success;
        foreach (var instanceId in starter.Started)
        {
            var rollback = await starter.WaitAsync(instanceId, cancellationToken);
            await context.Error.WriteLineAsync(RollbackOutcomeOutput.ToLines(rollback));
            exit = RollbackOutcomeOutput.IsSuccess(rollback) ? exit : ExitCodes.Failure;
        }

        return exit;
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
