namespace Approvals.Domain;

/// <summary>The votes as counted: for, against, abstention.</summary>
public sealed record Tally(int For, int Against, int Abstention);
