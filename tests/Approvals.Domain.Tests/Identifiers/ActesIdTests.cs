using Approvals.Domain;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Approvals.Domain.Tests.Identifiers;

public class ActesIdTests
{
    [Fact]
    public void TheTransmissionPlatformsExample_Parses()
    {
        var parsed = ActesId.Parse("034-000000000-20170701-20170728C-AI", "acte");

        Assert.True(parsed.IsOk);
        Assert.Equal(new ActesId("034", "000000000", new DateOnly(2017, 7, 1), "20170728C", ActesNature.AI), parsed.Value);
        Assert.Equal("034-000000000-20170701-20170728C-AI", parsed.Value!.ToString());
    }

    [Fact]
    public void ADeliberationOfGrandBesanconMetropole_Parses()
    {
        Assert.True(ActesId.TryParse("025-242500361-20220609-22_045-DE", out var id));
        Assert.Equal(new ActesId("025", "242500361", new DateOnly(2022, 6, 9), "22_045", ActesNature.DE), id);
        Assert.Equal("025-242500361-20220609-22_045-DE", id.ToString());
    }

    [Theory]
    [InlineData("02A-000000000-20220101-1-CC")] // Corse-du-Sud
    [InlineData("974-000000000-20220101-ABC_123456789-BF")] // 15-character number
    [InlineData("025-242500361-20240229-X-AU")] // a leap day
    [InlineData("025-242500361-20220609-22-AR")]
    public void OtherValidIds_Parse(string text)
    {
        Assert.True(ActesId.TryParse(text, out var id));
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("025-242500361-20220231-22_045-DE", "date")] // 31 February
    [InlineData("025-242500361-2022069-22_045-DE", "date")]
    [InlineData("025-242500361-20220609-22_045a-DE", "numéro")] // lower-case number
    [InlineData("025-242500361-20220609-1234567890ABCDEF-DE", "numéro")] // 16 characters
    [InlineData("025-242500361-20220609--DE", "numéro")]
    [InlineData("025-242500361-20220609-22_045-XX", "nature")]
    [InlineData("025-242500361-20220609-22_045-de", "nature")]
    [InlineData("025-242500361-20220609-22_045-0", "nature")] // an enum's number is not a nature code
    [InlineData("25-242500361-20220609-22_045-DE", "département")]
    [InlineData("0250-242500361-20220609-22_045-DE", "département")]
    [InlineData("02C-242500361-20220609-22_045-DE", "département")]
    [InlineData("025-24250036-20220609-22_045-DE", "SIREN")]
    [InlineData("025-24250036X-20220609-22_045-DE", "SIREN")]
    [InlineData("025-242500361-20220609-22-045-DE", "5 parties")]
    [InlineData("025-242500361-20220609-22_045", "5 parties")]
    public void MalformedIds_AreRefusedWithTheExpectedForm(string text, string part)
    {
        Assert.False(ActesId.TryParse(text, out var id));
        Assert.Null(id);

        var parsed = ActesId.Parse(text, "identifiantActes");

        Assert.False(parsed.IsOk);
        var refusal = Assert.Single(parsed.Refusals);
        Assert.Equal("actes.format", refusal.Code);
        Assert.Equal(RefusalKind.InvalidData, refusal.Kind);
        Assert.Equal("identifiantActes", refusal.Field);
        Assert.Contains(text, refusal.Message);
        Assert.Contains(part, refusal.Message);
        Assert.Contains("034-000000000-20170701-20170728C-AI", refusal.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void MissingId_IsRefused(string? text)
    {
        Assert.False(ActesId.TryParse(text, out _));
        Assert.Equal("actes.format", Assert.Single(ActesId.Parse(text, "acte").Refusals).Code);
    }

    private static readonly char[] DepartmentChars = "0123456789AB".ToCharArray();
    private static readonly char[] NumberChars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_".ToCharArray();

    private static Gen<string> Text(char[] alphabet, int minLength, int maxLength) =>
        Gen.Choose(minLength, maxLength).SelectMany(length => Gen.ArrayOf(Gen.Elements(alphabet), length)).Select(chars => new string(chars));

    private static Arbitrary<ActesId> ValidIds() =>
        (from department in Text(DepartmentChars, 3, 3)
         from siren in Text("0123456789".ToCharArray(), 9, 9)
         from dayNumber in Gen.Choose(new DateOnly(1982, 1, 1).DayNumber, new DateOnly(2100, 12, 31).DayNumber)
         from number in Text(NumberChars, 1, 15)
         from nature in Gen.Elements(Enum.GetValues<ActesNature>())
         select new ActesId(department, siren, DateOnly.FromDayNumber(dayNumber), number, nature)).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property ToStringThenParse_GivesBackTheSameId() =>
        Prop.ForAll(ValidIds(), id =>
        {
            var parsed = ActesId.Parse(id.ToString(), "acte");
            return parsed.IsOk && parsed.Value == id && parsed.Value.ToString() == id.ToString();
        });
}
