using System.Globalization;

namespace ModelMonitor.Service.Rollbacks.Arm;

/// <summary>A site and its standby slot in one ARM cloud; builds the resource URLs (segments validated by the config parser).</summary>
public sealed record ArmSite(string ArmEndpoint, string SubscriptionId, string ResourceGroup, string Site, string StandbySlot)
{
    /// <summary>The Microsoft.Web api-version used for every call.</summary>
    public const string ApiVersion = "2024-04-01";

    public string SiteResourceId => string.Create(CultureInfo.InvariantCulture,
        $"/subscriptions/{Uri.EscapeDataString(SubscriptionId)}/resourceGroups/{Uri.EscapeDataString(ResourceGroup)}/providers/Microsoft.Web/sites/{Uri.EscapeDataString(Site)}");

    /// <summary><c>POST …/slots/{standby}/slotsswap</c>: swaps the standby slot into production (and back, called again).</summary>
    public Uri SwapUrl => Url($"{SiteResourceId}/slots/{Uri.EscapeDataString(StandbySlot)}/slotsswap");

    /// <summary><c>POST …/config/appsettings/list</c> of production (slot null) or a slot.</summary>
    public Uri AppSettingsUrl(string? slot) => slot is null
        ? Url($"{SiteResourceId}/config/appsettings/list")
        : Url($"{SiteResourceId}/slots/{Uri.EscapeDataString(slot)}/config/appsettings/list");

    /// <summary>The token scope of this ARM endpoint (<c>{endpoint}/.default</c>).</summary>
    public string Scope => new Uri(new Uri(ArmEndpoint), "/.default").ToString();

    private Uri Url(string path) => new($"{ArmEndpoint.TrimEnd('/')}{path}?api-version={ApiVersion}");
}
