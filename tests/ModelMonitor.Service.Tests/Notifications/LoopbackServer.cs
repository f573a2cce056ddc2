using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ModelMonitor.Service.Tests.Notifications;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 (HttpListener on a port found free by binding port 0) that records each request
/// and answers from a queue of canned responses (then 200).
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Func<HttpListenerResponse, Task>> _responses = new();
    private readonly Task _loop;

    public LoopbackServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/secret-token/";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public void Enqueue(Func<HttpListenerResponse, Task> respond) => _responses.Enqueue(respond);

    public void EnqueueStatus(int status, string? retryAfter = null) => Enqueue(r =>
    {
        r.StatusCode = status;
        if (retryAfter is not null)
        {
            r.AddHeader("Retry-After", retryAfter);
        }

        return Task.CompletedTask;
    });

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _ = _loop;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue(new ReceivedRequest(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                body.ToArray(),
                TimeProvider.System.GetUtcNow()));
            try
            {
                if (_responses.TryDequeue(out var respond))
                {
                    await respond(context.Response);
                }
                else
                {
                    context.Response.StatusCode = 200;
                }

                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The client gave up (timeout tests).
            }
        }
    }
}
