using Approvals.Application;
using Microsoft.AspNetCore.Http;

namespace Approvals.Api;

/// <summary>Storage faults become 503 problems, quickly and with nothing recorded, on both hosts.</summary>
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
