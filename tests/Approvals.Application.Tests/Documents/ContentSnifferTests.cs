using System.Text;
using Approvals.Application;

namespace Approvals.Application.Tests;

public sealed class ContentSnifferTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46];
    private static readonly byte[] LegacyOffice = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    private static readonly byte[] WindowsExecutable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];
    private static readonly byte[] LinuxExecutable = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00];
    private static readonly byte[] MacExecutable = [0xCF, 0xFA, 0xED, 0xFE, 0x07, 0x00, 0x00, 0x01];
    private static readonly byte[] Script = Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /\n");

    [Theory]
    [InlineData("pdf", "rapport.pdf", "application/pdf")]
    [InlineData("pdf", "RAPPORT.PDF", "application/pdf")]
    [InlineData("png", "plan.png", "image/png")]
    [InlineData("jpeg", "photo.jpg", "image/jpeg")]
    [InlineData("jpeg", "photo.jpeg", "image/jpeg")]
    [InlineData("ooxml", "budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("ooxml", "demande.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("ooxml", "bilan.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("odt", "statuts.odt", "application/vnd.oasis.opendocument.text")]
    [InlineData("ods", "budget.ods", "application/vnd.oasis.opendocument.spreadsheet")]
    [InlineData("legacy", "statuts.doc", "application/msword")]
    [InlineData("legacy", "budget.xls", "application/vnd.ms-excel")]
    public void GivenContentMatchingItsExtension_WhenChecked_ThenItsTypeIsReturned(string content, string fileName, string expectedType)
    {
        var result = ContentSniffer.Check(Sample(content), fileName);

        Assert.True(result.IsOk, result.IsOk ? "" : result.Refusals[0].Message);
        Assert.Equal(expectedType, result.Value);
    }

    [Fact]
    public void GivenAPdfHeaderAfterSomeLeadingBytes_WhenChecked_ThenItIsAPdf()
    {
        var head = new byte[100].Concat(Pdf).ToArray();

        Assert.True(ContentSniffer.Check(head, "scan.pdf").IsOk);
    }

    [Theory]
    [InlineData("exe", "programme.exe")]
    [InlineData("elf", "outil")]
    [InlineData("macho", "outil.app")]
    [InlineData("script", "installer.sh")]
    public void GivenAnExecutable_WhenChecked_ThenItIsRefusedAsExecutable(string content, string fileName)
    {
        var refusal = Assert.Single(ContentSniffer.Check(Sample(content), fileName).Refusals);

        Assert.Equal("document.executable", refusal.Code);
        Assert.Equal("file", refusal.Field);
        Assert.Contains("exécutable", refusal.Message);
    }

    [Theory]
    [InlineData("exe", "rapport.pdf", "exécutable")]
    [InlineData("script", "budget.xlsx", "exécutable")]
    [InlineData("png", "rapport.pdf", "PNG")]
    [InlineData("pdf", "photo.jpg", "PDF")]
    [InlineData("odt", "demande.docx", "OpenDocument")]
    [InlineData("ooxml", "statuts.odt", "Office")]
    [InlineData("text", "rapport.pdf", "non reconnu")]
    [InlineData("empty", "rapport.pdf", "non reconnu")]
    public void GivenContentNotMatchingItsExtension_WhenChecked_ThenItIsRefusedAsMismatch(string content, string fileName, string actualNamed)
    {
        var refusal = Assert.Single(ContentSniffer.Check(Sample(content), fileName).Refusals);

        Assert.Equal("document.mismatch", refusal.Code);
        Assert.Contains(fileName, refusal.Message);
        Assert.Contains(actualNamed, refusal.Message);
    }

    [Theory]
    [InlineData("text", "notes.txt")]
    [InlineData("pdf", "rapport")]
    [InlineData("ooxml", "archive.zip")]
    public void GivenAnExtensionNotAccepted_WhenChecked_ThenItIsRefusedAsType(string content, string fileName)
    {
        var refusal = Assert.Single(ContentSniffer.Check(Sample(content), fileName).Refusals);

        Assert.Equal("document.type", refusal.Code);
        Assert.Contains("Types acceptés", refusal.Message);
    }

    private static byte[] Sample(string content) => content switch
    {
        "pdf" => Pdf,
        "png" => Png,
        "jpeg" => Jpeg,
        "legacy" => LegacyOffice,
        "ooxml" => Zip("[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"),
        "odt" => Zip("mimetype", "application/vnd.oasis.opendocument.text"),
        "ods" => Zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        "exe" => WindowsExecutable,
        "elf" => LinuxExecutable,
        "macho" => MacExecutable,
        "script" => Script,
        "text" => Encoding.UTF8.GetBytes("Bonjour, voici le rapport."),
        "empty" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };

    /// <summary>A ZIP archive whose first entry is stored uncompressed, as OpenDocument requires for "mimetype".</summary>
    private static byte[] Zip(string firstEntry, string entryContent)
    {
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry(firstEntry, System.IO.Compression.CompressionLevel.NoCompression);
            using var writer = new StreamWriter(entry.Open());
            writer.Write(entryContent);
        }

        return buffer.ToArray();
    }
}
