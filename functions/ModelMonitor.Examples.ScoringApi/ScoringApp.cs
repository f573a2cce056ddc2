using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelMonitor.Examples.ScoringApi.Monitoring;
using ModelMonitor.Examples.ScoringApi.Scoring;

namespace ModelMonitor.Examples.ScoringApi;

/// <summary>
/// Builds the example scoring API: <c>POST /score</c>, <c>POST /outcome</c> and <c>GET /producer/stats</c>, with a
/// <see cref="ModelMonitor.Client.ModelMonitorProducer"/> reporting every prediction and outcome off the request path.
/// </summary>
public static class ScoringApp
{
    /// <summary>The configured application, not started.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--ModelMonitor:EventsFile=x</c>).</param>
    /// <param name="configure">Runs before the app is built: tests use it to listen on a free port or register their own sink.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();

        // Malformed JSON answers 400 in every environment (Development would throw), turned into problem details below.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        builder.Services.AddScoringMonitor(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapScoringEndpoints();
        return app;
    }
}
