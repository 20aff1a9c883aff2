namespace Approvals.Domain;

/// <summary>Why a command was refused. The kind decides the HTTP status in exactly one place (409, 422 or 404).</summary>
public enum RefusalKind
{
    /// <summary>The command does not fit the dossier's current stage (HTTP 409).</summary>
    WrongStage,

    /// <summary>The command's data breaks a rule (HTTP 422).</summary>
    InvalidData,

    /// <summary>The dossier or document named does not exist (HTTP 404).</summary>
    NotFound,
}

/// <summary>
/// A refusal is a value: a stable <paramref name="Code"/> for programs, the <paramref name="Rule"/> broken and a
/// <paramref name="Message"/> in French for the agent, and the <paramref name="Field"/> at fault when there is one.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Rule, string? Field, string Message)
{
    public static Refusal Invalid(string code, string field, string rule, string message) =>
        new(RefusalKind.InvalidData, code, rule, field, message);

    public static Refusal WrongStage(string code, string rule, string message) =>
        new(RefusalKind.WrongStage, code, rule, null, message);
}
