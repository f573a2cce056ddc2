using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ModelMonitor.Functions.Api;

/// <summary>RFC 9457 problem details (<c>application/problem+json</c>) for every error the ops API answers.</summary>
public static class Problems
{
    /// <summary>The media type of a problem.</summary>
    public const string ContentType = "application/problem+json";

    public static ObjectResult Create(int status, string title, string detail, string? instance = null)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://httpstatuses.io/{status}",
            Title = title,
            Status = status,
            Detail = detail,
            Instance = instance,
        };
        var result = new ObjectResult(problem) { StatusCode = status };
        result.ContentTypes.Add(ContentType);
        return result;
    }

    public static ObjectResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ObjectResult Unauthorized(string detail) => Create(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ObjectResult Forbidden(string detail) => Create(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ObjectResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, "Not found", detail);

    public static ObjectResult Conflict(string detail, string? instance = null) => Create(StatusCodes.Status409Conflict, "Conflict", detail, instance);

    public static ObjectResult PreconditionFailed(string detail) => Create(StatusCodes.Status412PreconditionFailed, "Precondition failed", detail);

    public static ObjectResult TooLarge(long limit) => Create(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The body is larger than {limit} bytes.");

    public static ObjectResult UnsupportedMediaType() => Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.");
}
