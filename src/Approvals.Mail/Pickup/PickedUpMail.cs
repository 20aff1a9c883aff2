namespace Approvals.Mail;

/// <summary>A mail found in the pickup folder. <paramref name="Id"/> is its file name without extension.</summary>
public sealed record PickedUpMail(string Id, DateTimeOffset Date, IReadOnlyList<string> To, string Subject, string Html, string Text);
