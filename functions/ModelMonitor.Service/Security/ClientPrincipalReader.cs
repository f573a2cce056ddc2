using System.Text;
using System.Text.Json;

namespace ModelMonitor.Service.Security;

/// <summary>
/// Decodes <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON <c>{"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]}</c>).
/// App Service authentication strips client-sent copies of these headers and injects its own, so the header is
/// trusted only in that setting (the threat model says so); here it must also be well-formed and agree with the
/// <c>X-MS-CLIENT-PRINCIPAL-IDP</c> and <c>-NAME</c> headers the platform sets alongside, which a hand-forged header
/// sent without them fails.
/// </summary>
public static class ClientPrincipalReader
{
    /// <summary>The principal header.</summary>
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>The identity provider header.</summary>
    public const string IdentityProviderHeader = "X-MS-CLIENT-PRINCIPAL-IDP";

    /// <summary>The principal name header.</summary>
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    /// <summary>Largest header accepted (App Service keeps it well below this).</summary>
    public const int MaxHeaderChars = 16 * 1024;

    public static PrincipalResult Read(string? principalHeader, string? identityProviderHeader, string? nameHeader)
    {
        if (string.IsNullOrWhiteSpace(principalHeader))
        {
            return Fail("No authenticated principal: call through App Service authentication.");
        }

        if (principalHeader.Length > MaxHeaderChars)
        {
            return Fail("The principal header is too large.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(principalHeader.Trim());
        }
        catch (FormatException)
        {
            return Fail("The principal header is not base64.");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return FromJson(document.RootElement, identityProviderHeader, nameHeader);
        }
        catch (JsonException)
        {
            return Fail("The principal header is not a JSON principal.");
        }
        catch (DecoderFallbackException)
        {
            return Fail("The principal header is not a JSON principal.");
        }
    }

    private static PrincipalResult FromJson(JsonElement root, string? identityProviderHeader, string? nameHeader)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("auth_typ", out var authType) || authType.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(authType.GetString())
            || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
        {
            return Fail("The principal header lacks auth_typ or claims.");
        }

        var nameType = String(root, "name_typ") ?? "name";
        var roleType = String(root, "role_typ");
        string? name = null;
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var claim in claims.EnumerateArray())
        {
            var typ = claim.ValueKind == JsonValueKind.Object ? String(claim, "typ") : null;
            var val = claim.ValueKind == JsonValueKind.Object ? String(claim, "val") : null;
            if (typ is null || val is null)
            {
                return Fail("The principal header has a malformed claim.");
            }

            if (string.Equals(typ, OpsRoles.ClaimType, StringComparison.Ordinal) || string.Equals(typ, roleType, StringComparison.Ordinal))
            {
                roles.Add(val);
            }
            else if (name is null && string.Equals(typ, nameType, StringComparison.Ordinal))
            {
                name = val;
            }
        }

        var provider = authType.GetString()!;
        if (!string.Equals(identityProviderHeader, provider, StringComparison.OrdinalIgnoreCase))
        {
            return Fail("The principal header does not match the identity provider header.");
        }

        name ??= nameHeader;
        if (string.IsNullOrWhiteSpace(name) || (nameHeader is not null && !string.Equals(nameHeader, name, StringComparison.Ordinal)))
        {
            return Fail("The principal header does not match the principal name header.");
        }

        return new PrincipalResult(new ClientPrincipal(name, provider, roles), null);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static PrincipalResult Fail(string reason) => new(null, reason);
}
