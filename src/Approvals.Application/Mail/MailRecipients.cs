namespace Approvals.Application;

/// <summary>
/// The configured addresses: the finance mailing list. The case officer's and the beneficiary's addresses come from
/// each dossier's request.
/// </summary>
public sealed record MailRecipients(IReadOnlyList<string> Finance);
