namespace Approvals.Domain;

/// <summary>RNA: the national register of associations' number, <c>W</c> followed by 9 digits.</summary>
public static class Rna
{
    public static bool IsValid(string? value) => throw new NotImplementedException();

    public static Refusal? Check(string? value, string field) => throw new NotImplementedException();
}
