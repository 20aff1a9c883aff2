using Approvals.Domain;

namespace Approvals.Domain.Tests.Identifiers;

public class RnaTests
{
    [Theory]
    [InlineData("W251002345")]
    [InlineData("W000000000")]
    public void WFollowedByNineDigits_IsValid(string rna)
    {
        Assert.True(Rna.IsValid(rna));
        Assert.Null(Rna.Check(rna, "rna"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("w251002345")] // lower-case w
    [InlineData("W25100234")] // 8 digits
    [InlineData("W2510023456")] // 10 digits
    [InlineData("251002345")]
    [InlineData("X251002345")]
    [InlineData("W25100234A")]
    [InlineData(" W251002345")]
    public void AnythingElse_IsRefused(string? rna)
    {
        Assert.False(Rna.IsValid(rna));

        var refusal = Rna.Check(rna, "beneficiaire.rna");

        Assert.NotNull(refusal);
        Assert.Equal("rna.format", refusal.Code);
        Assert.Equal("beneficiaire.rna", refusal.Field);
        Assert.Contains("suivi de 9 chiffres", refusal.Message);
    }
}
