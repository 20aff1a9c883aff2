using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// Records a vote with what the decider needs from outside the dossier, read at the moment of the vote: the credits
/// still available on the dossier's budget line (<see cref="BudgetLedger"/>) and what its authority already granted the
/// beneficiary this year (the 23 000 € convention threshold, loi n°2000-321, art. 10). The one way both hosts record a
/// vote; the ledger's reservation at commit still guards the credits against a concurrent vote.
/// </summary>
public sealed class VoteRecording(DossierService dossiers, BudgetLedger ledger, IBeneficiaryGrants grants)
{
    /// <param name="expectedVersion">From <c>If-Match</c>, as <see cref="DossierService.HandleAsync"/> takes it.</param>
    /// <param name="idempotency">Of what the client sent: the figures read here are not part of it.</param>
    public async Task<Result<CommandOutcome>> RecordAsync(
        string dossierId, SecretariatVote vote, Actor actor, CancellationToken cancellationToken, long? expectedVersion = null, IdempotentRequest? idempotency = null)
    {
        var current = await dossiers.GetAsync(dossierId, actor, cancellationToken);
        if (!current.IsOk)
        {
            return current;
        }

        var dossier = current.Unwrap();
        var request = dossier.State.Request!;
        var line = request.BudgetLine;
        var command = vote.ToCommand(
            await ledger.AvailableAsync(line.Year, line.Code, dossierId, cancellationToken, dossier.AuthorityId),
            await grants.GrantedAsync(request.Beneficiary, line.Year, dossierId, cancellationToken, dossier.AuthorityId));
        return await dossiers.HandleAsync(dossierId, command, actor, cancellationToken, expectedVersion, idempotency);
    }
}
