using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ModelMonitor.Functions.Hosting;
using ModelMonitor.Service.Rollbacks;

namespace ModelMonitor.Functions.Tests.Hosting;

/// <summary>
/// The container Program.cs builds (same <see cref="AppBuilder.ConfigureModelMonitor"/>), with the sample settings
/// pointing at Azurite: every function class the worker activates must be constructible from it.
/// </summary>
public sealed class AppContainerTests
{
    private static readonly Dictionary<string, string?> SampleSettings = new()
    {
        ["MonitorStorage"] = "UseDevelopmentStorage=true",
        ["Monitor:WindowMinutes"] = "5",
        ["Monitor:MaxEventBytes"] = "1048576",
        ["Monitor:MaxFutureSkewMinutes"] = "1440",
        ["Monitor:IngestParallelism"] = "8",
        ["Rollup:LookbackHours"] = "48",
        ["Checks:LookbackHours"] = "48",
        ["Rollback:SwapPollInterval"] = "00:00:05",
        ["Rollback:SwapTimeout"] = "00:15:00",
        ["Rollback:MaxErrorRate"] = "0.05",
        ["Rollback:StatusBaseUrl"] = "https://mm.example",
    };

    private static IHost Build(IDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureModelMonitor();
        return builder.Build();
    }

    /// <summary>Classes with an instance <c>[Function]</c> method: the worker activates these from the container.</summary>
    public static TheoryData<string> ActivatedFunctionClasses()
    {
        var data = new TheoryData<string>();
        foreach (var type in FunctionClasses().Where(t => t.Instance))
        {
            data.Add(type.Type.FullName!);
        }

        return data;
    }

    private static IEnumerable<(Type Type, bool Instance)> FunctionClasses() =>
        typeof(AppBuilder).Assembly.GetTypes()
            .Select(t => (Type: t, Methods: t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null).ToList()))
            .Where(t => t.Methods.Count > 0)
            .Select(t => (t.Type, t.Methods.Any(m => !m.IsStatic)));

    [Fact]
    public void FunctionClasses_AreFoundByReflection()
    {
        var names = FunctionClasses().Select(t => t.Type.Name).ToHashSet();

        // A guard on the reflection itself: if it found nothing, the theory below would pass vacuously.
        Assert.Superset(new HashSet<string> { "IngestFunction", "RollbackActivityFunctions", "AlertFunctions", "RollbackFunctions", "RollbackOrchestratorFunction", "SummaryFunctions", "ReferenceFunctions" }, names);
    }

    [Theory]
    [MemberData(nameof(ActivatedFunctionClasses))]
    public void FunctionClass_IsConstructibleFromTheAppContainer(string typeName)
    {
        using var host = Build(SampleSettings);
        var type = typeof(AppBuilder).Assembly.GetType(typeName, throwOnError: true)!;
        using var scope = host.Services.CreateScope();

        // How the worker activates a function class: constructor parameters from the (scoped) container.
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);

        Assert.IsType(type, instance);
    }

    [Fact]
    public void StaticFunctions_ServicesTheyResolvePerCall_AreRegistered()
    {
        using var host = Build(SampleSettings);

        Assert.NotNull(host.Services.GetRequiredService<RollbackStarters>());
        Assert.NotNull(host.Services.GetRequiredService<ModelMonitor.Service.Security.WebhookAuthenticator>());
        Assert.NotNull(host.Services.GetRequiredService<ModelMonitor.Service.AzureMonitor.IRollbackTargets>());
        Assert.NotNull(host.Services.GetRequiredService<ModelMonitor.Service.AzureMonitor.IAlertReceiptLog>());
    }

    [Fact]
    public void StartUpValidation_WithTheSampleSettings_Passes()
    {
        using var host = Build(SampleSettings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(TimeSpan.FromSeconds(5), host.Services.GetRequiredService<IOptions<RollbackOptions>>().Value.SwapPollInterval);
    }

    [Fact]
    public void StartUpValidation_RollbackErrorRateAboveOne_Fails()
    {
        using var host = Build(new Dictionary<string, string?>(SampleSettings) { ["Rollback:MaxErrorRate"] = "1.5" });

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("MaxErrorRate", ex.Message);
    }
}
