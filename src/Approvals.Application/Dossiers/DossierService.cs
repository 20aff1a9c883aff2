using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// The one way a dossier changes: load its snapshot, let the decider decide, and write the new snapshot, the events
/// (hash-chained) and the outbox in one transaction guarded by the ETag. Snapshots are cached, so a command on a
/// dossier this process already knows reads nothing before its writes (the outbox lease, the commit, then the index
/// and the budget line following it); a stale cache loses on the ETag and reloads.
/// </summary>
public sealed class DossierService(
    IDossierStore store,
    OutboxPlanner planner,
    OutboxSignal signal,
    BudgetLedger ledger,
    ProcessOptions options,
    OutboxOptions outboxOptions,
    TimeProvider time,
    IBeneficiaryGrants grants)
{
    /// <summary>Attempts for a command without <c>If-Match</c>: after a lost race it is decided again on the new state.</summary>
    private const int Attempts = 5;

    private readonly SnapshotCache cache = new(capacity: 20_000);

    public async Task<Result<CommandOutcome>> CreateAsync(GrantRequest request, Actor actor, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var idempotency = idempotencyKey is null ? null : IdempotentRequest.Of(idempotencyKey, "POST", "/api/dossiers", request);
        // One code, one line: a trailing space or an en-dash must not make a second line that escapes the credit control.
        request = request with { BudgetLine = request.BudgetLine with { Code = BudgetLineCodes.Normalise(request.BudgetLine.Code) } };
        var refusals = RequestRules.Check(request, options.Policy, time.GetUtcNow());
        if (refusals.Count > 0)
        {
            return Result<CommandOutcome>.Refused(refusals);
        }

        // Each authority counts its own numbers, and claims its own keys: the same key in two authorities makes two dossiers.
        var dossierId = idempotencyKey is null
            ? await NewNumberAsync(actor.AuthorityId, request.ReceivedOn.Year, cancellationToken)
            : await store.ClaimKeyAsync(
                actor.AuthorityId is null ? $"create:{idempotencyKey}" : $"create:{actor.AuthorityId}:{idempotencyKey}",
                () => NewNumberAsync(actor.AuthorityId, request.ReceivedOn.Year, cancellationToken), cancellationToken);
        var number = DossierNumber.TryParse(dossierId, out var parsed) ? parsed : throw new InvalidOperationException($"Bad dossier id {dossierId}.");
        var others = await grants.GrantedAsync(request.Beneficiary, request.BudgetLine.Year, dossierId, cancellationToken, actor.AuthorityId);
        return await HandleAsync(dossierId, new DossierCommand.SubmitRequest(number, request, options.Policy, others), actor, cancellationToken, idempotency: idempotency);
    }

    /// <param name="expectedVersion">From <c>If-Match</c>: refuse, rather than re-decide, when the dossier has moved on.</param>
    /// <param name="idempotency">From <c>Idempotency-Key</c>: a retry returns the first outcome and changes nothing.</param>
    public async Task<Result<CommandOutcome>> HandleAsync(
        string dossierId,
        DossierCommand command,
        Actor actor,
        CancellationToken cancellationToken,
        long? expectedVersion = null,
        IdempotentRequest? idempotency = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await LoadAsync(dossierId, fresh: attempt > 1, cancellationToken);
            if (loaded is null && command is not DossierCommand.SubmitRequest)
            {
                return Refusals.NotFound(dossierId);
            }

            if (loaded is not null && !actor.Sees(loaded.Snapshot.AuthorityId))
            {
                // Another authority's dossier: as if it did not exist, so that its existence does not leak.
                return Refusals.NotFound(dossierId);
            }

            var current = loaded ?? CachedDossier.New(dossierId) with { Snapshot = Snapshot.Empty with { AuthorityId = actor.AuthorityId } };
            if (idempotency is not null && current.Snapshot.Requests.FirstOrDefault(r => r.Key == idempotency.Key) is { } done)
            {
                return done.Fingerprint == idempotency.Fingerprint ? Outcome(current, []) : Refusals.KeyReused;
            }

            if (expectedVersion is { } expected && expected != current.Version)
            {
                return Refusals.StaleVersion(expected, current.Version);
            }

            var decision = Workflow.Decide(current.Snapshot.State, command, time.GetUtcNow());
            if (!decision.IsOk)
            {
                return Result<CommandOutcome>.Refused(decision.Refusals);
            }

            var events = decision.Unwrap();
            if (events.Count == 0)
            {
                return Outcome(current, []);
            }

            // A vote holds its credits on the line before it commits; see BudgetLedger.
            var reservation = events.OfType<DossierEvent.CreditsCommitted>().FirstOrDefault();
            var version = current.Version + events.Count;
            if (reservation is not null
                && await ledger.ReserveAsync(dossierId, reservation.Year, reservation.BudgetLineCode, reservation.Amount, version, cancellationToken, current.Snapshot.AuthorityId) is { } refused)
            {
                return Result<CommandOutcome>.Refused([refused]);
            }

            try
            {
                return Outcome(await CommitAsync(current, events, actor, idempotency, cancellationToken), events);
            }
            catch (ConcurrencyConflictException)
            {
                // The commit lost: the line is set from the dossier as the winner left it and the reservation dropped. Any
                // other fault may hide a commit that landed: the reservation is left for the outbox to confirm or for
                // reconciliation to settle.
                if (reservation is not null)
                {
                    await ledger.SettleLostCommitAsync(dossierId, reservation.Year, reservation.BudgetLineCode, version, cancellationToken, current.Snapshot.AuthorityId);
                }

                cache.Remove(dossierId);
                if (expectedVersion is not null || attempt >= Attempts)
                {
                    return Refusals.ConcurrentChange;
                }
            }
        }
    }

    /// <summary>
    /// The request already carried out under <paramref name="key"/> on this dossier, or null: lets an upload's retry
    /// be recognised before its bytes are stored a second time.
    /// </summary>
    public async Task<ProcessedRequest?> FindRequestAsync(string dossierId, string key, CancellationToken cancellationToken) =>
        (await LoadAsync(dossierId, fresh: true, cancellationToken))?.Snapshot.Requests.FirstOrDefault(r => r.Key == key);

    public async Task<Result<CommandOutcome>> GetAsync(string dossierId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(dossierId, fresh: true, cancellationToken);
        return loaded is null ? Refusals.NotFound(dossierId) : Outcome(loaded, []);
    }

    /// <summary>The dossier as <paramref name="caller"/> may see it: another authority's is not found.</summary>
    public async Task<Result<CommandOutcome>> GetAsync(string dossierId, Actor caller, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(dossierId, fresh: true, cancellationToken);
        return loaded is null || !caller.Sees(loaded.Snapshot.AuthorityId) ? Refusals.NotFound(dossierId) : Outcome(loaded, []);
    }

    public Task<IReadOnlyList<RegisterEntry>> ReadRegisterAsync(string dossierId, CancellationToken cancellationToken) =>
        store.ReadRegisterAsync(dossierId, cancellationToken);

    /// <summary>Checks the hash chain, and that it ends where the snapshot says (so that dropping the last events shows too).</summary>
    public async Task<Result<RegisterVerification>> VerifyRegisterAsync(string dossierId, CancellationToken cancellationToken, Actor? caller = null)
    {
        var verified = await ReadVerifiedAsync(dossierId, cancellationToken, caller);
        return verified.IsOk ? Result<RegisterVerification>.Ok(verified.Unwrap().Verification) : Result<RegisterVerification>.Refused(verified.Refusals);
    }

    /// <summary>
    /// The snapshot, then the register up to the snapshot's version, and the chain checked against it. The snapshot and
    /// its events are committed together, so every event up to its version is there; events a command adds after the
    /// snapshot was read belong to a later version and are left out, rather than reported as a break. A
    /// <paramref name="caller"/> of another authority does not find the dossier.
    /// </summary>
    public async Task<Result<VerifiedDossier>> ReadVerifiedAsync(string dossierId, CancellationToken cancellationToken, Actor? caller = null)
    {
        var stored = await store.LoadAsync(dossierId, cancellationToken);
        var snapshot = stored is null ? null : DomainJson.Deserialize<Snapshot>(stored.SnapshotJson);
        if (stored is null || snapshot is null || (caller is not null && !caller.Sees(snapshot.AuthorityId)))
        {
            return Refusals.NotFound(dossierId);
        }

        var entries = (await store.ReadRegisterAsync(dossierId, cancellationToken)).Where(entry => entry.Sequence <= stored.Version).ToList();
        var chain = RegisterChain.Verify(entries);
        if (chain.Valid && (entries.Count != stored.Version || (entries.Count > 0 ? entries[^1].Hash : RegisterChain.Genesis) != stored.LastHash))
        {
            chain = new RegisterVerification(false, entries.Count, entries.Count + 1,
                $"le registre s'arrête à l'événement n°{entries.Count} alors que le dossier en compte {stored.Version}");
        }

        return Result<VerifiedDossier>.Ok(new VerifiedDossier(new CommandOutcome(dossierId, snapshot.State, stored.Version, []), entries, chain));
    }

    private async Task<CachedDossier> CommitAsync(
        CachedDossier current, IReadOnlyList<DossierEvent> events, Actor actor, IdempotentRequest? idempotency, CancellationToken cancellationToken)
    {
        var state = current.Snapshot.State;
        var entries = new List<RegisterEntry>(events.Count);
        var sequenced = new List<(long, DossierEvent)>(events.Count);
        var previous = current.LastHash;
        foreach (var @event in events)
        {
            state = Workflow.Evolve(state, @event);
            var entry = RegisterChain.Entry(current.DossierId, state.Version, @event.GetType().Name, DomainJson.SerializeEvent(@event), actor.ToString(), @event.At, previous);
            entries.Add(entry);
            sequenced.Add((state.Version, @event));
            previous = entry.Hash;
        }

        var requests = idempotency is null
            ? current.Snapshot.Requests
            : [.. current.Snapshot.Requests.TakeLast(Snapshot.RememberedRequests - 1), new ProcessedRequest(idempotency.Key, idempotency.Fingerprint, state.Version)];
        var snapshot = new Snapshot(state, requests) { AuthorityId = current.Snapshot.AuthorityId };
        var outbox = await planner.PlanAsync(current.DossierId, current.Snapshot.State, state, sequenced, actor, current.Snapshot.AuthorityId, cancellationToken);
        var commit = new DossierCommit(current.DossierId, current.ETag, state.Version, DomainJson.Serialize(snapshot), previous, Summary(current.DossierId, state, events[^1].At) with { AuthorityId = snapshot.AuthorityId }, entries, outbox);
        // Indexed before the commit, so that a crash right after it still leaves the items to the sweep; leased to this
        // process meanwhile, so that the sweep does not send them while the immediate dispatch does.
        var lease = await store.LeaseOutboxAsync(current.DossierId, time.GetUtcNow() + outboxOptions.Lease, cancellationToken);
        var etag = await CommitOnceAsync(commit, cancellationToken);

        var next = new CachedDossier(current.DossierId, snapshot, etag, previous);
        cache.Set(next);
        // The dossier index and the budget line follow before the answer, so that the pages show the command just made.
        // Each is done once: here, or, when this fails, by its outbox item (the store writes the index's with the commit).
        var items = outbox.Append(new OutboxItem(OutboxKinds.IndexItemId(commit.Version), OutboxKinds.Index, "{}")).ToList();
        // Side by side: they write different tables, and each waits for its own round trips.
        var ledgerItem = items.FirstOrDefault(item => item.Kind == OutboxKinds.Ledger);
        var indexed = FollowsAsync(() => store.IndexAsync(commit, cancellationToken));
        var charged = ledgerItem is null ? Task.FromResult(false)
            : FollowsAsync(() => ledger.ApplyAsync(current.DossierId, DomainJson.Deserialize<LedgerChange>(ledgerItem.Json), cancellationToken));
        var done = new List<string>(2);
        if (await indexed)
        {
            done.Add(OutboxKinds.IndexItemId(commit.Version));
        }

        if (await charged)
        {
            done.Add(ledgerItem!.Id);
        }

        signal.Notify(lease, items.Where(item => !done.Contains(item.Id)).ToList(), done);
        return next;
    }

    /// <summary>
    /// Commits, and if the storage client's own retry of a write whose answer was lost finds that write already there
    /// (the chain ends with the hash this commit computed), takes it as done: the command is recorded exactly once.
    /// </summary>
    private async Task<string> CommitOnceAsync(DossierCommit commit, CancellationToken cancellationToken)
    {
        try
        {
            return await store.CommitAsync(commit, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            var stored = await store.LoadAsync(commit.DossierId, cancellationToken);
            if (stored is not null && stored.Version == commit.Version && stored.LastHash == commit.LastHash)
            {
                return stored.ETag;
            }

            throw;
        }
    }

    /// <summary>Whether a read model followed the commit; a storage fault leaves the work to the commit's outbox item.</summary>
    private static async Task<bool> FollowsAsync(Func<Task> follow)
    {
        try
        {
            await follow();
            return true;
        }
        catch (Exception fault) when (fault is StorageFailedException or ConcurrencyConflictException)
        {
            return false;
        }
    }

    private async Task<CachedDossier?> LoadAsync(string dossierId, bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh && cache.TryGet(dossierId, out var cached))
        {
            return cached;
        }

        var stored = await store.LoadAsync(dossierId, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var loaded = new CachedDossier(dossierId, DomainJson.Deserialize<Snapshot>(stored.SnapshotJson), stored.ETag, stored.LastHash);
        cache.Set(loaded);
        return loaded;
    }

    /// <summary>
    /// The next number of the authority's year: the first authority keeps the counter <c>dossiers-{year}</c> it has always
    /// had (its rows written before authorities existed count on), each other one has <c>dossiers-{id}-{year}</c>.
    /// </summary>
    private async Task<string> NewNumberAsync(string? authorityId, int year, CancellationToken cancellationToken)
    {
        var counter = authorityId is null ? $"dossiers-{year}" : $"dossiers-{authorityId}-{year}";
        var sequence = (int)await store.NextSequenceAsync(counter, cancellationToken);
        return new DossierNumber(year, sequence) { Authority = DossierNumber.CodeOf(authorityId) }.ToString();
    }

    private static Result<CommandOutcome> Outcome(CachedDossier dossier, IReadOnlyList<DossierEvent> events) =>
        Result<CommandOutcome>.Ok(new CommandOutcome(dossier.DossierId, dossier.Snapshot.State, dossier.Version, events) { AuthorityId = dossier.Snapshot.AuthorityId });

    private static DossierSummary Summary(string dossierId, Dossier state, DateTimeOffset updatedAt)
    {
        var request = state.Request!;
        return new DossierSummary(
            dossierId,
            state.Number!.ToString(),
            state.Stage.ToString(),
            request.BudgetLine.Year,
            request.BudgetLine.Code,
            request.Beneficiary.Name,
            request.Beneficiary.Siret ?? "",
            request.Object.Length > 200 ? request.Object[..200] : request.Object,
            request.AmountRequested,
            state.AmountVoted,
            state.AmountPaid,
            updatedAt,
            state.CreditsCommitted,
            state.AmountRecovered,
            state.ReportOverdueSince,
            request.ProgrammeId);
    }
}
