using Approvals.Application;

namespace Approvals.Server;

/// <summary><c>GET /health</c>: 200 when storage answers, 503 otherwise.</summary>
public static class Health
{
    public static async Task<IResult> Check(IDossierStore store, CancellationToken cancellationToken)
    {
        try
        {
            await store.LoadAsync("health-probe", cancellationToken);
            return Results.Text("ok");
        }
        catch (StorageFailedException)
        {
            return Results.Text("storage unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
