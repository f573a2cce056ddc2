using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelMonitor.Client;

namespace ModelMonitor.Examples.ScoringApi.Tests.Infrastructure;

/// <summary>The example app on Kestrel at 127.0.0.1 and a free port, with settings and optionally a sink of the test's.</summary>
internal sealed class ScoringApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private ScoringApiHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<ScoringApiHost> StartAsync(IReadOnlyDictionary<string, string?> settings, IEventSink? sink = null)
    {
        var app = ScoringApp.Build([], builder =>
        {
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            builder.Configuration.AddInMemoryCollection(settings);
            if (sink is not null)
            {
                builder.Services.AddSingleton(sink);
            }
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ScoringApiHost(app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>Stops the app: the producer flushes (for at most its FlushTimeout) and closes its sink.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
    }
}
