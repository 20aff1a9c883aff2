using Approvals.Application;
using Microsoft.AspNetCore.Http;

namespace Approvals.Api;

/// <summary>Storage faults become 503 problems, quickly, on both hosts (see <see cref="ApiProblems.StorageUnavailable"/> for what a timeout leaves).</summary>
public static class ApiErrors
{
    public static async ValueTask<object?> GuardStorage(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StorageFailedException)
        {
            return ApiProblems.StorageUnavailable();
        }
    }
}
