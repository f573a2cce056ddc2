using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ModelMonitor.Service.Security;

/// <summary>
/// Authenticates an Azure Monitor action group call: a bearer token from the secure webhook (signature against the
/// OpenID metadata's keys, issuer, audience, lifetime and the <see cref="WebhookAuthOptions.SecureWebhookRole"/> role),
/// or the shared secret compared in constant time. Never logs or echoes either.
/// </summary>
public sealed class WebhookAuthenticator
{
    private readonly WebhookAuthOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public WebhookAuthenticator(WebhookAuthOptions options, HttpClient? metadataClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        if (options.TokensEnabled)
        {
            var retriever = metadataClient is null
                ? new HttpDocumentRetriever { RequireHttps = options.RequireHttpsMetadata }
                : new HttpDocumentRetriever(metadataClient) { RequireHttps = options.RequireHttpsMetadata };
            _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(options.WebhookOpenIdMetadataAddress, new OpenIdConnectConfigurationRetriever(), retriever);
        }
    }

    /// <param name="authorization">The <c>Authorization</c> header, if any.</param>
    /// <param name="secret">The shared secret the caller sent, if any.</param>
    /// <param name="cancellationToken">Cancels loading the signing keys.</param>
    /// <returns>Null when authenticated, otherwise why not (safe to show).</returns>
    public async Task<string?> AuthenticateAsync(string? authorization, string? secret, CancellationToken cancellationToken = default)
    {
        if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return _metadata is null ? "Bearer tokens are not configured for this webhook." : await ValidateTokenAsync(authorization[7..].Trim(), cancellationToken);
        }

        if (!string.IsNullOrEmpty(secret))
        {
            return SecretMatches(secret) ? null : "The webhook secret does not match.";
        }

        return "The webhook needs a secure-webhook bearer token or the shared secret.";
    }

    private bool SecretMatches(string secret)
    {
        if (string.IsNullOrEmpty(_options.WebhookSharedSecret))
        {
            return false;
        }

        // Hashing first gives equal lengths, so FixedTimeEquals also hides the secret's length.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(_options.WebhookSharedSecret));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private async Task<string?> ValidateTokenAsync(string token, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata!.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return "The token signing keys could not be loaded.";
        }
        catch (IOException)
        {
            return "The token signing keys could not be loaded.";
        }

        var parameters = new TokenValidationParameters
        {
            ValidAudience = _options.WebhookTokenAudience,
            ValidIssuer = _options.WebhookTokenIssuer,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return "The bearer token is not valid for this webhook.";
        }

        var roles = result.Claims.TryGetValue("roles", out var value) ? value : null;
        var hasRole = roles switch
        {
            string single => string.Equals(single, WebhookAuthOptions.SecureWebhookRole, StringComparison.Ordinal),
            IEnumerable<object> many => many.Any(r => string.Equals(r?.ToString(), WebhookAuthOptions.SecureWebhookRole, StringComparison.Ordinal)),
            _ => false,
        };
        return hasRole ? null : $"The bearer token lacks the {WebhookAuthOptions.SecureWebhookRole} role.";
    }
}
