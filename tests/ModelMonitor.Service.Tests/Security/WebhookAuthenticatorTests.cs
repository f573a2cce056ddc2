using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ModelMonitor.Service.Security;

namespace ModelMonitor.Service.Tests.Security;

/// <summary>Secure-webhook tokens signed by a local RSA key, published through a loopback OpenID metadata endpoint.</summary>
public sealed class WebhookAuthenticatorTests : IDisposable
{
    private const string Audience = "api://modelmonitor-webhook";
    private const string Issuer = "https://login.microsoftonline.com/tenant-1/v2.0";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly HttpListener _listener = new();
    private readonly string _metadataUrl;
    private readonly CancellationTokenSource _stop = new();

    public WebhookAuthenticatorTests()
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = "test-key" };
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(baseUrl);
        _listener.Start();
        _metadataUrl = baseUrl + "tenant-1/v2.0/.well-known/openid-configuration";
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
        var keys = JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        var metadata = JsonSerializer.Serialize(new { issuer = Issuer, jwks_uri = baseUrl + "keys", authorization_endpoint = baseUrl + "authorize" });
        _ = Task.Run(() => ServeAsync(metadata, keys));
    }

    private WebhookAuthenticator Authenticator(string? secret = null) => new(new WebhookAuthOptions
    {
        WebhookSharedSecret = secret,
        WebhookTokenAudience = Audience,
        WebhookTokenIssuer = Issuer,
        WebhookOpenIdMetadataAddress = _metadataUrl,
        RequireHttpsMetadata = false,
    });

    private string Token(SecurityKey key, string audience = Audience, string issuer = Issuer, string? role = WebhookAuthOptions.SecureWebhookRole)
    {
        var claims = new List<Claim> { new("appid", "461e8683-5575-4561-ac7f-899cc907d62a") };
        if (role is not null)
        {
            claims.Add(new Claim("roles", role));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Audience = audience,
            Issuer = issuer,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    [Fact]
    public async Task AuthenticateAsync_TokenSignedByTheMetadataKeyWithTheRole_IsAccepted()
    {
        Assert.Null(await Authenticator().AuthenticateAsync($"Bearer {Token(_key)}", secret: null));
    }

    [Fact]
    public async Task AuthenticateAsync_TokenSignedByAnotherKey_IsRefused()
    {
        using var other = RSA.Create(2048);

        Assert.NotNull(await Authenticator().AuthenticateAsync($"Bearer {Token(new RsaSecurityKey(other) { KeyId = "test-key" })}", null));
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudienceOrIssuer_IsRefused()
    {
        Assert.NotNull(await Authenticator().AuthenticateAsync($"Bearer {Token(_key, audience: "api://other")}", null));
        Assert.NotNull(await Authenticator().AuthenticateAsync($"Bearer {Token(_key, issuer: "https://login.microsoftonline.com/evil/v2.0")}", null));
    }

    [Fact]
    public async Task AuthenticateAsync_TokenWithoutTheSecureWebhookRole_IsRefused()
    {
        var refused = await Authenticator().AuthenticateAsync($"Bearer {Token(_key, role: "SomethingElse")}", null);

        Assert.Contains(WebhookAuthOptions.SecureWebhookRole, refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_GarbageToken_IsRefused()
    {
        Assert.NotNull(await Authenticator().AuthenticateAsync("Bearer not.a.jwt", null));
    }

    [Fact]
    public async Task AuthenticateAsync_SharedSecret_MatchesExactlyOnly()
    {
        var authenticator = Authenticator(secret: "s3cret-value");

        Assert.Null(await authenticator.AuthenticateAsync(null, "s3cret-value"));
        Assert.NotNull(await authenticator.AuthenticateAsync(null, "s3cret-valuE"));
        Assert.NotNull(await authenticator.AuthenticateAsync(null, "s3cret"));
        Assert.NotNull(await authenticator.AuthenticateAsync(null, null));
    }

    [Fact]
    public async Task AuthenticateAsync_NoSecretConfigured_RefusesEverySecret()
    {
        Assert.NotNull(await new WebhookAuthenticator(new WebhookAuthOptions()).AuthenticateAsync(null, ""));
        Assert.NotNull(await new WebhookAuthenticator(new WebhookAuthOptions()).AuthenticateAsync(null, "anything"));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _rsa.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync(string metadata, string keys)
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(context.Request.Url!.AbsolutePath.EndsWith("/keys", StringComparison.Ordinal) ? keys : metadata);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
