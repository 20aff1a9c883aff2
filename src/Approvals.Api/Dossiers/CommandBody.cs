using Microsoft.AspNetCore.Http;

namespace Approvals.Api;

/// <summary>
/// The body of a command route, bound as a parameter: read as the body type of the <see cref="CommandRoute"/> the
/// endpoint carries in its metadata (the command itself, or <see cref="Approvals.Application.SecretariatVote"/>). The route's <c>Accepts</c>
/// metadata documents the type.
/// </summary>
public sealed record CommandBody(object? Value, ApiProblem? Problem)
{
    public static async ValueTask<CommandBody> BindAsync(HttpContext context)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<CommandRoute>()
            ?? throw new InvalidOperationException("A command body is bound on a command route only.");
        return await ReadAsync(context, route);
    }

    /// <summary>For a host that does not route through endpoints (the Function App's triggers).</summary>
    public static async Task<CommandBody> ReadAsync(HttpContext context, CommandRoute route)
    {
        var (value, problem) = await JsonBody.ReadAsync(context, route.BodyType);
        return new CommandBody(value, problem);
    }
}
