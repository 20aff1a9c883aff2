using System.Text.Json;

namespace Approvals.Domain.Tests.Identifiers;

/// <summary>Issue 17 item 6: SIRET and RNA checks against tests/vectors/identifiers.json, read by identifiers.test.mjs too.</summary>
public class IdentifierVectorTests
{
    private static readonly JsonElement Vectors = SharedVectors.Load("identifiers.json");

    public static TheoryData<int> Sirets => SharedVectors.Indexes("identifiers.json", "siret");

    public static TheoryData<int> Rnas => SharedVectors.Indexes("identifiers.json", "rna");

    [Theory]
    [MemberData(nameof(Sirets))]
    public void Given_a_siret_When_checked_Then_refused_as_the_vector_says(int index)
    {
        var vector = Vectors.GetProperty("siret")[index];

        var refusal = Siret.Check(vector.GetProperty("value").GetString(), "beneficiary.siret");

        Assert.Equal(vector.GetProperty("code").GetString(), refusal?.Code);
    }

    [Theory]
    [MemberData(nameof(Rnas))]
    public void Given_an_rna_number_When_checked_Then_refused_as_the_vector_says(int index)
    {
        var vector = Vectors.GetProperty("rna")[index];

        var refusal = Rna.Check(vector.GetProperty("value").GetString(), "beneficiary.rna");

        Assert.Equal(vector.GetProperty("code").GetString(), refusal?.Code);
    }
}
