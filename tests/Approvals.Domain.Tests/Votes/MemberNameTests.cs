namespace Approvals.Domain.Tests;

public class MemberNameTests
{
    [Theory]
    [InlineData("M. Benoit VUILLEMIN", "Benoît VUILLEMIN")]
    [InlineData("Mme Frédérique BAEHR", "frederique baehr")]
    [InlineData("Mme. Anne   VIGNOT ", " anne vignot")]
    [InlineData("Madame Anne VIGNOT", "Mme Anne VIGNOT")]
    [InlineData("M. Christian MAGNIN-FEYSOT", "christian magnin-feysot")]
    public void Same_member_written_differently_is_recognised(string a, string b)
    {
        Assert.True(MemberName.Same(a, b));
        Assert.Equal(MemberName.Normalize(a), MemberName.Normalize(b));
    }

    [Theory]
    [InlineData("M. Yves GUYEN", "M. Yves MAURICE")]
    [InlineData("Anne VIGNOT", "Anne BENEDETTO")]
    [InlineData("Jean-Paul MICHAUD", "Jean Paul MICHAUD")]
    public void Different_members_stay_different(string a, string b) => Assert.False(MemberName.Same(a, b));

    [Fact]
    public void Normalize_drops_title_case_accents_and_extra_spaces() =>
        Assert.Equal("aurelien laroppe", MemberName.Normalize("  M.   Aurélien\tLAROPPE "));

    [Fact]
    public void A_title_alone_is_kept_as_the_name() => Assert.Equal("mme", MemberName.Normalize("Mme"));

    [Fact]
    public void A_blank_name_normalizes_to_empty() => Assert.Equal("", MemberName.Normalize("   "));
}
