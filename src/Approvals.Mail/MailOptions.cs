namespace Approvals.Mail;

/// <summary>Configuration section <c>Mail</c>. Without <see cref="SendGridApiKey"/>, mail goes to <see cref="PickupFolder"/>.</summary>
public sealed record MailOptions
{
    public const string SectionName = "Mail";

    public string? SendGridApiKey { get; init; }

    /// <summary>Base address of the SendGrid API; tests point it at a local capture server. Null means SendGrid's own.</summary>
    public string? SendGridHost { get; init; }

    public string FromAddress { get; init; } = "no-reply@approvals.local";

    public string FromName { get; init; } = "Approvals — Subventions";

    /// <summary>Absolute path; <see cref="ServiceCollectionExtensions.AddApprovalsMail"/> resolves it against the content root.</summary>
    public string PickupFolder { get; init; } = "mail-pickup";

    /// <summary>Requests made for one mail before giving up; the outbox tries again later.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First backoff delay after a 5xx or network error; doubles at each attempt.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
}
