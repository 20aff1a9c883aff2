namespace Approvals.Domain;

public sealed record ExpenseLine(string Label, decimal Amount);
