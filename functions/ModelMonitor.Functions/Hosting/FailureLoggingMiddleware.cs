using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using ModelMonitor.Functions.Telemetry;
using ModelMonitor.Service.Ingestion;

namespace ModelMonitor.Functions.Hosting;

/// <summary>
/// One place that records function failures with whether they are transient, then rethrows so the
/// runtime's retry policy (not a try/catch in each function) decides.
/// </summary>
public sealed class FailureLoggingMiddleware(ILogger<FailureLoggingMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            Log.FunctionFailed(logger, ex, context.FunctionDefinition.Name, IsTransient(ex));
            throw;
        }
    }

    /// <summary>Storage throttling, timeouts, server errors and lost ETag races are worth retrying (<see cref="FailureClassifier"/>).</summary>
    public static bool IsTransient(Exception exception) => FailureClassifier.IsTransient(exception);
}
