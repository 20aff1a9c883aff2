using System.Reflection;
using System.Text.Json;
using Approvals.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Approvals.Api;

/// <summary>
/// A JSON body bound as a handler's parameter, read with the domain's JSON options: its value, or the problem to answer
/// (415 not JSON, 400 malformed naming the field, 413 too large). Minimal APIs bind it through <see cref="BindAsync"/>;
/// a Function trigger calls the same. The framework's own body binding would answer these with bare statuses.
/// </summary>
public sealed record JsonBody<T>(T? Value, ApiProblem? Problem) : IEndpointParameterMetadataProvider
{
    public static async ValueTask<JsonBody<T>> BindAsync(HttpContext context)
    {
        var (value, problem) = await JsonBody.ReadAsync(context, typeof(T));
        return new JsonBody<T>(value is T read ? read : default, problem);
    }

    /// <summary>The body's type in the OpenAPI document, and the problems of an unreadable body.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType, typeof(ApiProblems.ProblemBody), [ApiProblem.ContentType]));
    }
}

/// <summary>Reads a JSON body of a type known at run time (a command route's body type).</summary>
public static class JsonBody
{
    /// <summary>Reads a JSON body as <paramref name="type"/>; a wrong media type or malformed JSON becomes a problem naming the field.</summary>
    public static async Task<(object? Value, ApiProblem? Problem)> ReadAsync(HttpContext context, Type type)
    {
        if (context.Request.HasJsonContentType() is false)
        {
            return (null, ApiProblems.UnsupportedMediaType("application/json"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(context.Request.Body, type, DomainJson.Options, context.RequestAborted);
            return value is null ? (null, ApiProblems.BadJson(null, "Le corps de la requête est vide.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadJson(e.Path, JsonMessages.Explain(e)));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "request.too-large", "Requête trop volumineuse",
                "Le corps de la requête dépasse la taille autorisée.", []));
        }
    }
}
