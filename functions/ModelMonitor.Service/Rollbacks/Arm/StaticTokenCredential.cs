using Azure.Core;

namespace ModelMonitor.Service.Rollbacks.Arm;

/// <summary>A fixed bearer token (the CLI's <c>--access-token</c>, e.g. from <c>az account get-access-token</c>, and tests).</summary>
public sealed class StaticTokenCredential(string token, DateTimeOffset expiresOn) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(token, expiresOn);

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(new AccessToken(token, expiresOn));
}
