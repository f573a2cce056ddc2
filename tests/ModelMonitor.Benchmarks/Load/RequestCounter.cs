using Azure.Core;
using Azure.Core.Pipeline;

namespace ModelMonitor.Benchmarks.Load;

/// <summary>
/// Counts the storage requests that actually go on the wire (added per retry, so SDK retries count too), by HTTP
/// method: GET reads, PUT writes, DELETE, HEAD.
/// </summary>
public sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _total;
    private long _reads;
    private long _writes;

    public long Total => Interlocked.Read(ref _total);

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Interlocked.Increment(ref _total);
        if (message.Request.Method == RequestMethod.Get)
        {
            Interlocked.Increment(ref _reads);
        }
        else if (message.Request.Method == RequestMethod.Put)
        {
            Interlocked.Increment(ref _writes);
        }
    }
}
