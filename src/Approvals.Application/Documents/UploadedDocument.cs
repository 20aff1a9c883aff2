using Approvals.Domain;

namespace Approvals.Application;

/// <summary>The document as the dossier records it; <paramref name="Created"/> is false when the same bytes were already attached.</summary>
public sealed record UploadedDocument(DossierEvent.DocumentAttached Document, bool Created);
