using System.Text.Json;
using ModelMonitor.Infra.Tests.Support;

namespace ModelMonitor.Infra.Tests.Settings;

/// <summary>
/// The app settings the Bicep gives the function app, read from the compiled ARM JSON: the variables
/// <c>appSettings</c> (both plans) and <c>elasticPremiumOnlyAppSettings</c> of the module that declares the
/// <c>Microsoft.Web/sites/config</c> resource (bicep/modules/functionApp.bicep).
/// </summary>
internal sealed record BicepAppSettings(
    IReadOnlyDictionary<string, string> Common,
    IReadOnlyDictionary<string, string> ElasticPremiumOnly)
{
    public IEnumerable<KeyValuePair<string, string>> All => Common.Concat(ElasticPremiumOnly);

    public static BicepAppSettings Read(JsonElement mainTemplate)
    {
        var functionApp = ArmTemplate.SingleTemplateDeclaring(mainTemplate, "Microsoft.Web/sites/config");
        return new BicepAppSettings(
            ArmTemplate.ObjectVariable(functionApp, "appSettings"),
            ArmTemplate.ObjectVariable(functionApp, "elasticPremiumOnlyAppSettings"));
    }
}
