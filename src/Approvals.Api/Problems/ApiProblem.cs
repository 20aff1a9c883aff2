using Approvals.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Approvals.Api;

/// <summary>
/// A problem document (<c>application/problem+json</c>) as a typed result: a handler's <c>Results&lt;…, ApiProblem&gt;</c>
/// return type then lists in the OpenAPI document the problem statuses an API route may answer, with their schema.
/// </summary>
public sealed class ApiProblem(ApiProblems.ProblemBody body) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ApiProblems.ProblemBody>, IEndpointMetadataProvider
{
    public const string ContentType = "application/problem+json";

    /// <summary>What any route of the API may answer: bad header or JSON, identity, role, unknown dossier, wrong stage, invalid data, storage.</summary>
    private static readonly int[] Statuses =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
        StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status503ServiceUnavailable,
    ];

    public ApiProblems.ProblemBody Value => body;

    object? IValueHttpResult.Value => body;

    public int StatusCode => body.Status;

    int? IStatusCodeHttpResult.StatusCode => body.Status;

    public Task ExecuteAsync(HttpContext httpContext) => Results.Json(body, DomainJson.Options, ContentType, body.Status).ExecuteAsync(httpContext);

    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder)
    {
        foreach (var status in Statuses)
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ApiProblems.ProblemBody), [ContentType]));
        }
    }
}
