using System.CommandLine;
using Azure.Core;
using Azure.Identity;
using ModelMonitor.Cli.Hosting;
using ModelMonitor.Cli.Output;
using ModelMonitor.Cli.Rollbacks;
using ModelMonitor.Core.Rollbacks;
using ModelMonitor.Service.Rollbacks;
using ModelMonitor.Service.Rollbacks.Arm;

namespace ModelMonitor.Cli.Commands;

/// <summary>
/// <c>modelmonitor rollback --model ID --config FILE.json [--dry-run] [--approve] [--access-token TOKEN] [--format json]</c>:
/// runs the rollback orchestration in the DurableTask in-process host against the configured ARM and slot endpoints
/// and prints its outcome. Exit code 0 only for <c>rolled-back</c> or <c>dry-run</c>.
/// </summary>
internal static class RollbackCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "The model to roll back (a target in --config)", Required = true, HelpName = "ID" };
        var config = new Option<FileInfo>("--config") { Description = "Rollback configuration ({\"armEndpoint\",\"targets\":{…},\"notifications\":[…]})", Required = true, HelpName = "FILE.json" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Everything but the swap, which is printed as what would happen" };
        var approve = new Option<bool>("--approve")
        {
            Description = "Answer the target's approval wait as you (the OS user running the CLI). Four eyes: the requester (--requested-by) must be someone else, else the approval is refused before anything runs",
        };
        var token = new Option<string?>("--access-token") { Description = "Bearer token for ARM (e.g. az account get-access-token); default: DefaultAzureCredential", HelpName = "TOKEN" };
        var requestedBy = new Option<string?>("--requested-by") { Description = "Who asked for the rollback (recorded; four eyes compares it with the approver). Default: you", HelpName = "NAME" };
        var reason = new Option<string?>("--reason") { Description = "Why (shown in notifications)", HelpName = "TEXT" };
        var format = GlobalOptions.CreateFormat();
        var command = new Command("rollback", "Roll a model back by swapping its standby slot into production (the orchestration, run in-process)")
        {
            model, config, dryRun, approve, token, requestedBy, reason, format,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            new Request(parse.GetRequiredValue(model), parse.GetRequiredValue(config), parse.GetValue(dryRun), parse.GetValue(approve), parse.GetValue(token), parse.GetValue(requestedBy), parse.GetValue(reason)),
            GlobalOptions.ParseFormat(parse.GetValue(format)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, Request request, OutputFormat format, CancellationToken cancellationToken)
    {
        var config = await RollbackConfigFile.ReadAsync(request.Config, cancellationToken);
        if (!config.Targets.TryGetValue(request.Model, out var target))
        {
            throw new CliUsageException($"--model {request.Model}: no such target in {request.Config.Name} (targets: {string.Join(", ", config.Targets.Keys)}).");
        }

        var requester = string.IsNullOrWhiteSpace(request.RequestedBy) ? context.UserName : request.RequestedBy.Trim();
        // The CLI has no alert, so "required-below-critical" asks for approval too.
        var needsApproval = target.Approval != ApprovalPolicy.None && !request.DryRun;
        if (needsApproval && !request.Approve)
        {
            throw new CliUsageException($"target {request.Model} requires approval and nobody can approve an in-process run later: pass --approve (as someone other than the requester) or --dry-run.");
        }

        if (request.Approve && string.Equals(requester, context.UserName, StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException($"--approve: four eyes: you ({context.UserName}) cannot approve a rollback you request; name the requester with --requested-by.");
        }

        TokenCredential credential = string.IsNullOrWhiteSpace(request.AccessToken)
            ? new DefaultAzureCredential()
            : new StaticTokenCredential(request.AccessToken.Trim(), DateTimeOffset.MaxValue);
        var notifier = RollbackNotifiers.FromConfig(config, context.TimeProvider);
        var options = new RollbackOptions();
        await using var host = await InProcessRollbackHost.StartAsync(config, request.Config.DirectoryName ?? ".", credential, notifier, options, context.TimeProvider);
        var started = await host.Starter.StartAsync(
            new RollbackRequest(request.Model, request.Reason ?? "requested with modelmonitor rollback", request.DryRun, requester), cancellationToken);
        if (request.Approve && needsApproval)
        {
            // Kept by the backend until the orchestration waits for it; the orchestration applies four eyes again.
            await host.Client.RaiseEventAsync(started.InstanceId, ApprovalDecision.EventName, new ApprovalDecision(true, context.UserName, "approved with modelmonitor rollback --approve"), cancellationToken);
        }

        var outcome = await host.WaitAsync(started.InstanceId, cancellationToken);
        await context.Out.WriteLineAsync(format == OutputFormat.Json ? RollbackOutcomeOutput.ToJson(outcome) : RollbackOutcomeOutput.ToLines(outcome));
        return RollbackOutcomeOutput.IsSuccess(outcome) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private sealed record Request(string Model, FileInfo Config, bool DryRun, bool Approve, string? AccessToken, string? RequestedBy, string? Reason);
}
