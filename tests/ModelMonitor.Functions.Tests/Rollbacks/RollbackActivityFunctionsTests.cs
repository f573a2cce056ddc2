using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelMonitor.Functions.Hosting;
using ModelMonitor.Functions.Rollbacks;
using ModelMonitor.Service.Rollbacks.Orchestration;

namespace ModelMonitor.Functions.Tests.Rollbacks;

/// <summary>The activity functions as the app's container builds them, called directly against Azurite.</summary>
public sealed class RollbackActivityFunctionsTests
{
    private static RollbackActivityFunctions Functions(IHost host) => ActivatorUtilities.CreateInstance<RollbackActivityFunctions>(host.Services);

    private static IHost Host()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MonitorStorage"] = "UseDevelopmentStorage=true" });
        builder.ConfigureModelMonitor();
        return builder.Build();
    }

    [Fact]
    public async Task CheckGolden_NoneConfigured_FailsWithTheReason()
    {
        using var host = Host();

        var result = await Functions(host).CheckGoldenAsync(new ProbeInput("http://127.0.0.1:9", "/score"), CancellationToken.None);

        Assert.Equal(new ProbeResult(false, "no golden examples configured"), result);
    }

    [Fact]
    public async Task CheckGolden_BlobMissingInTheMonitoringAccount_FailsNamingTheBlob()
    {
        using var host = Host();
        var container = $"g{Guid.NewGuid():N}"[..20];
        await new BlobServiceClient("UseDevelopmentStorage=true").GetBlobContainerClient(container).CreateIfNotExistsAsync();

        var result = await Functions(host).CheckGoldenAsync(new ProbeInput("http://127.0.0.1:9", "/score", $"{container}/golden.jsonl"), CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Contains($"'{container}/golden.jsonl': 404", result.Detail);
    }

    [Fact]
    public async Task CheckGolden_MalformedBlob_FailsWithoutCallingTheEndpoint()
    {
        using var host = Host();
        var container = new BlobServiceClient("UseDevelopmentStorage=true").GetBlobContainerClient($"g{Guid.NewGuid():N}"[..20]);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("golden.jsonl").UploadAsync(BinaryData.FromString("not json\n"));

        var result = await Functions(host).CheckGoldenAsync(new ProbeInput("http://127.0.0.1:9", "/score", $"{container.Name}/golden.jsonl"), CancellationToken.None);

        Assert.False(result.Ok);
        Assert.StartsWith($"golden examples {container.Name}/golden.jsonl:", result.Detail);
    }
}
