using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ModelMonitor.Functions.Tests.Api;

/// <summary>DefaultHttpContext requests as App Service authentication delivers them, and result helpers.</summary>
internal static class ApiRequests
{
    public static string Principal(string name, params string[] roles)
    {
        var claims = new List<object> { new { typ = "name", val = name } };
        claims.AddRange(roles.Select(r => new { typ = "roles", val = r }));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims })));
    }

    public static HttpRequest Create(string method, string? body = null, string? contentType = "application/json", string? principal = null, string? user = "ana@contoso.com", string? query = null)
        => Create(method, body is null ? null : Encoding.UTF8.GetBytes(body), contentType, principal, user, query);

    public static HttpRequest Create(string method, byte[]? body, string? contentType, string? principal, string? user = "ana@contoso.com", string? query = null)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = method;
        request.Scheme = "https";
        request.Host = new HostString("mm.example");
        if (query is not null)
        {
            request.QueryString = new QueryString(query);
        }

        if (principal is not null)
        {
            request.Headers["X-MS-CLIENT-PRINCIPAL"] = principal;
            request.Headers["X-MS-CLIENT-PRINCIPAL-IDP"] = "aad";
            if (user is not null)
            {
                request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = user;
            }
        }

        if (body is not null)
        {
            request.Body = new MemoryStream(body);
            request.ContentLength = body.Length;
            request.ContentType = contentType;
        }

        return request;
    }

    public static int Status(IActionResult result) => result switch
    {
        ObjectResult o => o.StatusCode ?? 200,
        ContentResult c => c.StatusCode ?? 200,
        StatusCodeResult s => s.StatusCode,
        _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}"),
    };

    public static ProblemDetails Problem(IActionResult result)
    {
        var o = Assert.IsAssignableFrom<ObjectResult>(result);
        Assert.Contains("application/problem+json", o.ContentTypes);
        var problem = Assert.IsType<ProblemDetails>(o.Value);
        Assert.Equal(o.StatusCode, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        return problem;
    }
}
