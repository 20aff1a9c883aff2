using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Approvals.Api;

/// <summary>
/// A document upload's body bound as a parameter: the reader of its <c>multipart/form-data</c> sections, or the 415 to
/// answer. Binding reads only the headers: the sections are streamed by the handler (never buffered whole), so the
/// request size limit can still be set before the first byte is read. A Function trigger calls <see cref="BindAsync"/> too.
/// </summary>
public sealed record DocumentForm(MultipartReader? Reader, ApiProblem? Problem) : IEndpointParameterMetadataProvider
{
    public static ValueTask<DocumentForm> BindAsync(HttpContext context) =>
        ValueTask.FromResult(MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is { Length: > 0 and <= 200 } boundary
                ? new DocumentForm(new MultipartReader(boundary, context.Request.Body), null)
                : new DocumentForm(null, ApiProblems.UnsupportedMediaType("multipart/form-data")));

    /// <summary>The upload in the OpenAPI document: a multipart form carrying a file, and the problems of a wrong media type or a file too large.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(new AcceptsMetadata(["multipart/form-data"], typeof(IFormFile)));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status413PayloadTooLarge, typeof(ApiProblems.ProblemBody), [ApiProblem.ContentType]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status415UnsupportedMediaType, typeof(ApiProblems.ProblemBody), [ApiProblem.ContentType]));
    }
}
