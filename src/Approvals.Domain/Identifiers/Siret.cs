namespace Approvals.Domain;

/// <summary>SIRET: 14 digits (SIREN 9 + NIC 5) with a Luhn check digit; La Poste's establishments (SIREN 356000000) use a digit-sum-multiple-of-5 rule instead.</summary>
public static class Siret
{
    public static bool IsValid(string? value) => throw new NotImplementedException();

    /// <summary>SIREN alone: 9 digits with a Luhn check (La Poste's 356000000 is valid).</summary>
    public static bool IsValidSiren(string? value) => throw new NotImplementedException();

    public static Refusal? Check(string? value, string field) => throw new NotImplementedException();
}
