namespace Approvals.Application;

/// <summary>One deadline in finance's daily digest: the dossier, its beneficiary, what falls due and when.</summary>
public sealed record DigestLine(string Number, string Beneficiary, string Label, DateOnly Day, bool Overdue);
