namespace Approvals.Application;

/// <summary>Someone else wrote first: the dossier changed since it was loaded, or it already exists. Reload and decide again.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? innerException = null)
    : Exception(message, innerException);
