using System.Text.Json;

namespace Approvals.Domain.Tests.Common;

/// <summary>Issue 17 item 6: Money.Check against tests/vectors/amounts.json, read by money.test.mjs too.</summary>
public class AmountVectorTests
{
    private static readonly JsonElement Vectors = SharedVectors.Load("amounts.json");

    public static TheoryData<int> Amounts => SharedVectors.Indexes("amounts.json", "amounts");

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Given_an_amount_When_checked_Then_refused_as_the_vector_says(int index)
    {
        var vector = Vectors.GetProperty("amounts")[index];

        var refusal = Money.Check(vector.GetProperty("amount").GetDecimal(), "amount", vector.GetProperty("allowZero").GetBoolean());

        Assert.Equal(vector.GetProperty("code").GetString(), refusal?.Code);
    }
}
