namespace Approvals.Domain;

/// <summary>
/// The unique identifier of an act transmitted to the prefecture: <c>DDD-SIREN-YYYYMMDD-NUMBER-NATURE</c>,
/// e.g. <c>025-242500361-20220609-22_045-DE</c>.
/// </summary>
public sealed record ActesId(string Department, string Siren, DateOnly DecisionDate, string Number, ActesNature Nature)
{
    public static bool TryParse(string? text, out ActesId? id) => throw new NotImplementedException();

    /// <summary>Parses, or returns a refusal naming <paramref name="field"/> and the expected format.</summary>
    public static Result<ActesId> Parse(string? text, string field) => throw new NotImplementedException();

    public override string ToString() => throw new NotImplementedException();
}
