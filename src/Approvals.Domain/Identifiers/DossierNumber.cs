namespace Approvals.Domain;

/// <summary>A dossier's readable number, <c>SUB-2022-0042</c>: the year of the request and a sequence within that year.</summary>
public sealed record DossierNumber(int Year, int Sequence)
{
    public static bool TryParse(string? text, out DossierNumber? number) => throw new NotImplementedException();

    public override string ToString() => throw new NotImplementedException();
}
