using Approvals.Application;
using Azure;

namespace Approvals.Storage;

/// <summary>Turns Azure's exceptions into the application's, so that nothing above the adapters sees Azure types.</summary>
internal static class StorageErrors
{
    public static async Task<T> GuardAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception exception) when (Translate(operation, exception, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    public static Task GuardAsync(string operation, Func<Task> call, CancellationToken cancellationToken) =>
        GuardAsync(operation, async () =>
        {
            await call();
            return true;
        }, cancellationToken);

    public static bool IsConflict(RequestFailedException exception) => exception.Status is 409 or 412;

    public static bool IsNotFound(RequestFailedException exception) => exception.Status == 404;

    private static StorageFailedException? Translate(string operation, Exception exception, CancellationToken cancellationToken) =>
        exception switch
        {
            RequestFailedException failed => new($"{operation}: storage answered {failed.Status} {failed.ErrorCode}.", failed),
            // Azure.Core gathers the network errors of every try into one AggregateException once its retries are spent.
            AggregateException all => new($"{operation}: storage unreachable after retries ({all.InnerExceptions[^1].Message}).", all),
            HttpRequestException network => new($"{operation}: storage unreachable ({network.Message}).", network),
            OperationCanceledException when !cancellationToken.IsCancellationRequested =>
                new($"{operation}: storage did not answer in time.", exception),
            _ => null,
        };
}
