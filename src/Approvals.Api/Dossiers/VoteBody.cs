using Approvals.Domain;

namespace Approvals.Api;

/// <summary>The vote as the secretariat sends it: the available credits are read from the budget line, not taken from the client.</summary>
public sealed record VoteBody(
    string ReportNumber,
    string Rapporteur,
    string Assembly,
    DateOnly SessionDate,
    Attendance Attendance,
    Tally Tally,
    bool SecretBallot,
    bool? PresidentVotesFor,
    decimal AmountVoted)
{
    public DossierCommand.RecordVote ToCommand(decimal availableCredits) =>
        new(ReportNumber, Rapporteur, Assembly, SessionDate, Attendance, Tally, SecretBallot, PresidentVotesFor, AmountVoted, availableCredits);
}
