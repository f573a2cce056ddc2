using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ModelMonitor.Cli.Rollbacks;

/// <summary>
/// A loopback HTTP server that plays one App Service site with a production and a standby slot, and the ARM calls a
/// rollback makes on it: <c>config/appsettings/list</c> (MODEL_VERSION per slot), <c>slotsswap</c> (200, or 202 with a
/// Location polled until 200) and each slot's health and scoring endpoints. Simulated locally, for the local run and
/// the CLI's tests: nothing here talks to Azure. Every request is recorded.
/// </summary>
internal sealed class SimulatedAppService : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private int _operations;

    private SimulatedAppService(int port, string standbySlot, string productionVersion, string standbyVersion, Func<string, string, string> score)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        StandbySlot = standbySlot;
        ProductionVersion = productionVersion;
        StandbyVersion = standbyVersion;
        Score = score;
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The server's root: the ARM endpoint; slots are at <c>/production</c> and <c>/{standby}</c>.</summary>
    public string BaseUrl { get; }

    public string StandbySlot { get; }

    public string ProductionVersion { get; private set; }

    public string StandbyVersion { get; private set; }

    /// <summary>The scoring answer for (version, request body).</summary>
    public Func<string, string, string> Score { get; set; }

    /// <summary>Answers to the swap POST, in order (then 200): 202 answers carry a Location with Retry-After 0.</summary>
    public ConcurrentQueue<int> SwapAnswers { get; } = new();

    /// <summary>When set, production's scoring answers this once a swap has completed (a version that misbehaves in production).</summary>
    public string? ProductionScoreAfterSwap { get; set; }

    public int SwapsCompleted { get; private set; }

    public ConcurrentQueue<SimulatedRequest> Requests { get; } = new();

    public string ProductionBaseUrl => BaseUrl + "/production";

    public string StandbyBaseUrl => $"{BaseUrl}/{StandbySlot}";

    public static SimulatedAppService Start(string productionVersion, string standbyVersion, Func<string, string, string> score, string standbySlot = "staging")
    {
        // A free port from the OS; HttpListener cannot bind port 0 itself.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new SimulatedAppService(port, standbySlot, productionVersion, standbyVersion, score);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
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

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue(new SimulatedRequest(request.HttpMethod, path, request.Url.Query, request.Headers["Authorization"], body));
        var (status, answer, location) = Route(request.HttpMethod, path, body);
        var response = context.Response;
        response.StatusCode = status;
        if (location is not null)
        {
            response.AddHeader("Location", location);
            response.AddHeader("Retry-After", "0");
        }

        if (answer is not null)
        {
            response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(answer);
            await response.OutputStream.WriteAsync(bytes);
        }

        response.Close();
    }

    private (int Status, string? Body, string? Location) Route(string method, string path, string body)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["subscriptions", _, "resourceGroups", _, "providers", "Microsoft.Web", "sites", _, ..] && method == "POST")
        {
            if (path.EndsWith("/config/appsettings/list", StringComparison.Ordinal))
            {
                var version = segments.Length > 9 && segments[8] == "slots" ? VersionIn(segments[9]) : VersionIn("production");
                return (200, $$"""{"name":"appsettings","properties":{"MODEL_VERSION":"{{version}}"} }""", null);
            }

            if (path.EndsWith("/slotsswap", StringComparison.Ordinal))
            {
                return Swap();
            }
        }

        if (segments is ["operations", _] && method == "GET")
        {
            CompleteSwap();
            return (200, "{}", null);
        }

        if (segments is [var slot, var endpoint] && (slot == "production" || slot == StandbySlot))
        {
            var version = VersionIn(slot);
            if (endpoint == "health")
            {
                return (200, $$"""{"status":"healthy","version":"{{version}}"}""", null);
            }

            if (endpoint == "score" && method == "POST")
            {
                var answer = slot == "production" && SwapsCompleted > 0 && ProductionScoreAfterSwap is { } broken ? broken : Score(version, body);
                return (200, answer, null);
            }
        }

        return (404, null, null);
    }

    private (int, string?, string?) Swap()
    {
        var status = SwapAnswers.TryDequeue(out var next) ? next : 200;
        if (status == 202)
        {
            var n = Interlocked.Increment(ref _operations).ToString(CultureInfo.InvariantCulture);
            return (202, "{}", $"{BaseUrl}/operations/{n}");
        }

        if (status == 200)
        {
            CompleteSwap();
            return (200, "{}", null);
        }

        return (status, """{"error":{"code":"Simulated","message":"simulated failure"}}""", null);
    }

    private string VersionIn(string slot)
    {
        lock (_gate)
        {
            return slot == "production" ? ProductionVersion : StandbyVersion;
        }
    }

    private void CompleteSwap()
    {
        lock (_gate)
        {
            (ProductionVersion, StandbyVersion) = (StandbyVersion, ProductionVersion);
            SwapsCompleted++;
        }
    }
}
