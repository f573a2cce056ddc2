using Azure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using ModelMonitor.Core.Ingestion;
using ModelMonitor.Functions.Telemetry;

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

    /// <summary>Storage throttling, timeouts, server errors and lost ETag races are worth retrying.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException rfe => rfe.Status is 0 or 408 or 429 or >= 500,
        WriteConflictException or TimeoutException or HttpRequestException or IOException => true,
        AggregateException agg => agg.InnerExceptions.All(IsTransient),
        _ => false,
    };
}
