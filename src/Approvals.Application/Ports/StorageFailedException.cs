namespace Approvals.Application;

/// <summary>Storage could not carry out a request (unreachable, too slow, or an error status) after its retries.</summary>
public sealed class StorageFailedException(string message, Exception? innerException = null)
    : Exception(message, innerException);
