using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// The vote as the secretariat sends it: without the available credits and the beneficiary's other grants of the year,
/// which <see cref="VoteRecording"/> reads from storage rather than take from the caller. <paramref name="Officers"/>:
/// who presided and who was secretary.
/// </summary>
public sealed record SecretariatVote(
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
