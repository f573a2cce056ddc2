using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ModelMonitor.Storage.Tests.Faults;

/// <summary>
/// A loopback TCP proxy between the Azure SDK and Azurite that, per connection and from a seeded random source,
/// forwards, delays, drops, resets (before or after storage applied the request) or answers 500/503. While
/// <see cref="FailNext"/> connections remain, every connection is reset: storage is unavailable.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly byte[] Answer500 = Encoding.ASCII.GetBytes("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    private static readonly byte[] Answer503 = Encoding.ASCII.GetBytes("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<FaultKind, int> _counts = [];
    private readonly Task _accepting;
    private Random _random = new(0);
    private double _faultRate;
    private int _failNext;

    public FaultProxy(int upstreamPort = 10000)
    {
        _upstream = new IPEndPoint(IPAddress.Loopback, upstreamPort);
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Starts a schedule: its own seed and fault rate (0 passes everything), counts cleared.</summary>
    public void Reset(int seed, double faultRate)
    {
        lock (_lock)
        {
            _random = new Random(seed);
            _faultRate = faultRate;
            _failNext = 0;
            _counts.Clear();
        }
    }

    /// <summary>Storage unavailable: the next <paramref name="connections"/> connections are reset.</summary>
    public void FailNext(int connections)
    {
        lock (_lock)
        {
            _failNext = connections;
        }
    }

    /// <summary>Faults injected since <see cref="Reset"/>, by kind (passes excluded).</summary>
    public string Summary()
    {
        lock (_lock)
        {
            return string.Join(' ', _counts.Where(c => c.Key != FaultKind.Pass).OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private FaultKind Decide(out int delayMs)
    {
        lock (_lock)
        {
            delayMs = 0;
            FaultKind kind;
            if (_failNext > 0)
            {
                _failNext--;
                kind = FaultKind.ResetBeforeForward;
            }
            else if (_random.NextDouble() >= _faultRate)
            {
                kind = FaultKind.Pass;
            }
            else
            {
                kind = (FaultKind)_random.Next(1, 7);
                delayMs = _random.Next(1, 30);
            }

            _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
            return kind;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var kind = Decide(out var delayMs);
            _ = Task.Run(() => HandleAsync(client, kind, delayMs));
        }
    }

    private async Task HandleAsync(TcpClient client, FaultKind kind, int delayMs)
    {
        using var connection = client;
        var token = _stop.Token;
        try
        {
            var downstream = client.GetStream();
            switch (kind)
            {
                case FaultKind.Drop:
                    client.Close();
                    return;
                case FaultKind.ResetBeforeForward:
                    _ = await downstream.ReadAtLeastAsync(new byte[4096], 1, throwOnEndOfStream: false, token);
                    Abort(client);
                    return;
                case FaultKind.Status500:
                case FaultKind.Status503:
                    _ = await downstream.ReadAtLeastAsync(new byte[4096], 1, throwOnEndOfStream: false, token);
                    await downstream.WriteAsync(kind == FaultKind.Status500 ? Answer500 : Answer503, token);
                    client.Close();
                    return;
                case FaultKind.Delay:
                    await Task.Delay(delayMs, token);
                    break;
            }

            using var upstream = new TcpClient();
            await upstream.ConnectAsync(_upstream, token);
            var upstreamStream = upstream.GetStream();
            if (kind == FaultKind.ResetAfterForward)
            {
                _ = PumpAsync(downstream, upstreamStream, token);
                var first = new byte[1];
                // Storage has answered once a response byte arrives: the request was applied.
                await upstreamStream.ReadExactlyAsync(first, token);
                Abort(client);
                return;
            }

            await Task.WhenAny(PumpAsync(downstream, upstreamStream, token), PumpAsync(upstreamStream, downstream, token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or EndOfStreamException)
        {
            // Either side went away: that is the fault, or the end of the exchange.
        }
    }

    private static async Task PumpAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed under us.
        }
    }

    private static void Abort(TcpClient client)
    {
        client.LingerState = new LingerOption(true, 0);
        client.Client.Close(0);
    }
}
