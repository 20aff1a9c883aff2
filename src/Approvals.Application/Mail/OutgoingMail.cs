namespace Approvals.Application;

/// <summary>An e-mail ready to send: every value already HTML-encoded in <paramref name="Html"/>. <paramref name="Key"/> identifies it across retries.</summary>
public sealed record OutgoingMail(string Key, IReadOnlyList<string> To, string Subject, string Html, string Text);
