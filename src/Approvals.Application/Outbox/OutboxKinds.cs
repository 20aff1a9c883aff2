namespace Approvals.Application;

/// <summary>The kinds of work an outbox item carries.</summary>
public static class OutboxKinds
{
    public const string Mail = "mail";
    public const string Deadlines = "deadlines";
    public const string Retention = "retention";

    /// <summary>Tell the dossier's clock that the dossier changed (<see cref="IClockSignal"/>).</summary>
    public const string Clock = "clock";

    /// <summary>Bring the budget line's ledger to the dossier's figures (<see cref="BudgetLedger"/>).</summary>
    public const string Ledger = "ledger";

    /// <summary>Written by the store with each commit, removed once the dossier index has followed it.</summary>
    public const string Index = "index";

    /// <summary>The id of the index item the store writes with the commit that brings the dossier to <paramref name="version"/>.</summary>
    public static string IndexItemId(long version) => $"{version:D6}-index";
}
