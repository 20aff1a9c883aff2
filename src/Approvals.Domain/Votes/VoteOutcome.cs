namespace Approvals.Domain;

public enum VoteOutcome
{
    Adopted,
    Rejected,
}
