using System.Text;
using System.Text.Json;

namespace ModelMonitor.Service.Tests.Security;

/// <summary>Builds <c>X-MS-CLIENT-PRINCIPAL</c> values as App Service authentication does.</summary>
internal static class Principals
{
    public static string Encode(string name, params string[] roles)
    {
        var claims = new List<object> { new { typ = "name", val = name } };
        claims.AddRange(roles.Select(r => new { typ = "roles", val = r }));
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
