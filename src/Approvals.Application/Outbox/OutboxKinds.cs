namespace Approvals.Application;

/// <summary>The kinds of work an outbox item carries.</summary>
public static class OutboxKinds
{
    public const string Mail = "mail";
    public const string Deadlines = "deadlines";
    public const string Retention = "retention";

    /// <summary>Written by the store with each commit, removed once the dossier index has followed it.</summary>
    public const string Index = "index";
}
