namespace Approvals.Application;

/// <summary>Work still to carry out after a commit (an e-mail, a deadline change), written in the same transaction.</summary>
public sealed record OutboxItem(string Id, string Kind, string Json);
