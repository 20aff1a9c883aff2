using Approvals.Domain;

namespace Approvals.Api;

/// <summary>
/// The vote as the secretariat sends it: the available credits and the beneficiary's other grants of the year are read
/// from storage, not taken from the client. <paramref name="Officers"/>: who presided and who was secretary.
/// </summary>
public sealed record VoteBody(
    string ReportNumber,
    string Rapporteur,
    string Assembly,
    DateOnly SessionDate,
    Attendance Attendance,
    Tally Tally,
    bool SecretBallot,
    bool? PresidentVotesFor,
    decimal AmountVoted,
    SessionOfficers? Officers = null)
{
    public DossierCommand.RecordVote ToCommand(decimal availableCredits, decimal otherGrantsThisYear) =>
        new(ReportNumber, Rapporteur, Assembly, SessionDate, Attendance, Tally, SecretBallot, PresidentVotesFor, AmountVoted, availableCredits, Officers, otherGrantsThisYear);
}
