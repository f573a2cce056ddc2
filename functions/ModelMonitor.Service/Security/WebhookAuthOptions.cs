namespace ModelMonitor.Service.Security;

/// <summary>
/// How the Azure Monitor webhook authenticates its caller (settings <c>OpsApi__Webhook…</c>): a secure-webhook Entra
/// token, a shared secret, or both. With neither configured every call is refused.
/// </summary>
public sealed class WebhookAuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "OpsApi";

    /// <summary>The app role Azure Monitor's secure webhook tokens carry.</summary>
    public const string SecureWebhookRole = "ActionGroupsSecureWebhook";

    /// <summary>Shared secret (a Key Vault reference in Azure), sent as the <c>X-Webhook-Secret</c> header or <c>secret</c> query parameter; empty disables it.</summary>
    public string? WebhookSharedSecret { get; set; }

    /// <summary>Expected token audience: the application id URI or client id of the app registration the action group targets; empty disables tokens.</summary>
    public string? WebhookTokenAudience { get; set; }

    /// <summary>Expected issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c> or <c>https://sts.windows.net/{tenant}/</c>.</summary>
    public string? WebhookTokenIssuer { get; set; }

    /// <summary>OpenID metadata with the signing keys, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration</c>.</summary>
    public string? WebhookOpenIdMetadataAddress { get; set; }

    /// <summary>Refuse metadata over plain HTTP. <value>true</value>; tests on loopback turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>True when a token can be validated.</summary>
    public bool TokensEnabled =>
        !string.IsNullOrWhiteSpace(WebhookTokenAudience) && !string.IsNullOrWhiteSpace(WebhookTokenIssuer) && !string.IsNullOrWhiteSpace(WebhookOpenIdMetadataAddress);
}
