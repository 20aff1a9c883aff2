using Approvals.Application;

namespace Approvals.Api;

/// <summary>What the handlers need, bundled so that a route binds it with <c>[AsParameters]</c> and a trigger builds it from DI.</summary>
public sealed record ApiServices(
    DossierService Dossiers,
    IDossierStore Store,
    IDeadlineIndex Deadlines,
    IDocumentStore Documents,
    OutboxDispatcher Outbox,
    VoteRecording Votes,
    ApiOptions Options,
    TimeProvider Time);
