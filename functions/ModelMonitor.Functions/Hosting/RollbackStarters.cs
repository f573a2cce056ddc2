using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using ModelMonitor.Service.Rollbacks;

namespace ModelMonitor.Functions.Hosting;

/// <summary>
/// Builds an <see cref="IRollbackStarter"/> per call: the <see cref="DurableTaskClient"/> exists only as a function's
/// <c>[DurableClient]</c> binding, never in the container, so the starter cannot be a singleton.
/// </summary>
public sealed class RollbackStarters(IRollbackTargetSource targets, IOptions<RollbackOptions> options)
{
    public IRollbackStarter Create(DurableTaskClient client) => new DurableRollbackStarter(client, targets, options.Value);
}
