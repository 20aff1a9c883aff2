namespace Approvals.Application;

/// <summary>A short-lived download link to one of the dossier's documents, as an e-mail shows it.</summary>
public sealed record DocumentLink(string Label, Uri Url);
