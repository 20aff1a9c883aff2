using Approvals.Application;

namespace Approvals.Application.Tests;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("statuts.pdf", "statuts.pdf")]
    [InlineData("  RIB association.pdf ", "RIB association.pdf")]
    [InlineData("budget prévisionnel 2022.xlsx", "budget prévisionnel 2022.xlsx")]
    [InlineData("v1.2.final.docx", "v1.2.final.docx")]
    public void GivenAnOrdinaryName_WhenChecked_ThenItIsAcceptedTrimmed(string fileName, string expected)
    {
        var result = FileNames.Check(fileName, "file");

        Assert.True(result.IsOk);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(null, "vide")]
    [InlineData("", "vide")]
    [InlineData("   ", "vide")]
    [InlineData("../x.pdf", "/")]
    [InlineData("dossier/statuts.pdf", "/")]
    [InlineData("C:\\temp\\statuts.pdf", "\\")]
    [InlineData("statuts..pdf", "..")]
    [InlineData("statuts\n.pdf", "contrôle")]
    [InlineData("statuts\u0000.pdf", "contrôle")]
    public void GivenADangerousName_WhenChecked_ThenItIsRefusedWithAFrenchReason(string? fileName, string reasonPart)
    {
        var result = FileNames.Check(fileName, "piece");

        var refusal = Assert.Single(result.Refusals);
        Assert.Equal("document.name", refusal.Code);
        Assert.Equal("piece", refusal.Field);
        Assert.Contains(reasonPart, refusal.Message);
    }

    [Fact]
    public void GivenANameOverTwoHundredCharacters_WhenChecked_ThenItIsRefused()
    {
        var accepted = FileNames.Check(new string('a', 196) + ".pdf", "file");
        var refused = FileNames.Check(new string('a', 197) + ".pdf", "file");

        Assert.True(accepted.IsOk);
        Assert.Contains("200", Assert.Single(refused.Refusals).Message);
    }

    [Theory]
    [InlineData("Statuts école.pdf", "Statuts-ecole.pdf")]
    [InlineData("Œuvre d'été — bilan.docx", "OEuvre-d-ete---bilan.docx")]
    [InlineData("RIB_2022-v2.PDF", "RIB_2022-v2.PDF")]
    [InlineData("Straße #1?.pdf", "Strasse--1-.pdf")]
    [InlineData("....", "document")]
    [InlineData("日本.pdf", "pdf")]
    public void GivenAName_WhenMadeBlobSafe_ThenOnlyAsciiLettersDigitsAndPunctuationRemain(string fileName, string expected)
    {
        var safe = FileNames.ToBlobSafe(fileName);

        Assert.Equal(expected, safe);
        Assert.Matches("^[A-Za-z0-9._-]+$", safe);
    }
}
