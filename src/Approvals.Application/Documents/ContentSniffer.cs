using Approvals.Domain;

namespace Approvals.Application;

/// <summary>
/// Decides a document's type from its first bytes, not from what its name claims: the extension must be an accepted
/// type and the content must be of that type.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Check"/> needs at most.</summary>
    public const int HeadLength = 8 * 1024;

    private const string Field = "file";
    private const string Accepted = "PDF, PNG, JPEG, Word, Excel, PowerPoint (.doc, .docx, .xls, .xlsx, .ppt, .pptx) et OpenDocument (.odt, .ods, .odp)";

    private enum Content
    {
        Unknown,
        Pdf,
        Png,
        Jpeg,
        OfficeOpenXml,
        OpenDocument,
        LegacyOffice,
        Executable,
    }

    private sealed record Expected(Content Content, string ContentType, string Label);

    private static readonly Dictionary<string, Expected> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new(Content.Pdf, "application/pdf", "un PDF"),
        [".png"] = new(Content.Png, "image/png", "une image PNG"),
        [".jpg"] = new(Content.Jpeg, "image/jpeg", "une image JPEG"),
        [".jpeg"] = new(Content.Jpeg, "image/jpeg", "une image JPEG"),
        [".docx"] = new(Content.OfficeOpenXml, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "un document Word"),
        [".xlsx"] = new(Content.OfficeOpenXml, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "un classeur Excel"),
        [".pptx"] = new(Content.OfficeOpenXml, "application/vnd.openxmlformats-officedocument.presentationml.presentation", "une présentation PowerPoint"),
        [".odt"] = new(Content.OpenDocument, "application/vnd.oasis.opendocument.text", "un texte OpenDocument"),
        [".ods"] = new(Content.OpenDocument, "application/vnd.oasis.opendocument.spreadsheet", "un classeur OpenDocument"),
        [".odp"] = new(Content.OpenDocument, "application/vnd.oasis.opendocument.presentation", "une présentation OpenDocument"),
        [".doc"] = new(Content.LegacyOffice, "application/msword", "un document Word"),
        [".xls"] = new(Content.LegacyOffice, "application/vnd.ms-excel", "un classeur Excel"),
        [".ppt"] = new(Content.LegacyOffice, "application/vnd.ms-powerpoint", "une présentation PowerPoint"),
    };

    /// <summary>The content type to store, or a refusal: executable, type not accepted, or content not matching the extension.</summary>
    public static Result<string> Check(ReadOnlySpan<byte> head, string fileName)
    {
        var content = Detect(head);
        if (!ByExtension.TryGetValue(Path.GetExtension(fileName), out var expected))
        {
            return content == Content.Executable
                ? Refusal.Invalid("document.executable", Field, "Aucun programme exécutable",
                    "Ce fichier est un programme exécutable : les exécutables sont refusés.")
                : Refusal.Invalid("document.type", Field, "Types de documents acceptés",
                    $"Le type du fichier « {Path.GetExtension(fileName)} » n'est pas accepté. Types acceptés : {Accepted}.");
        }

        if (content != expected.Content)
        {
            var actual = content == Content.Executable ? "un programme exécutable" : Describe(content);
            return Refusal.Invalid("document.mismatch", Field, "Contenu conforme à l'extension",
                $"Le fichier « {fileName} » devrait être {expected.Label}, mais son contenu est {actual}.");
        }

        return Result<string>.Ok(expected.ContentType);
    }

    private static Content Detect(ReadOnlySpan<byte> head)
    {
        if (StartsWith(head, [0x4D, 0x5A]) || StartsWith(head, [0x7F, 0x45, 0x4C, 0x46]) || StartsWith(head, "#!"u8)
            || StartsWith(head, [0xFE, 0xED, 0xFA, 0xCE]) || StartsWith(head, [0xFE, 0xED, 0xFA, 0xCF])
            || StartsWith(head, [0xCE, 0xFA, 0xED, 0xFE]) || StartsWith(head, [0xCF, 0xFA, 0xED, 0xFE])
            || StartsWith(head, [0xCA, 0xFE, 0xBA, 0xBE]))
        {
            return Content.Executable;
        }

        // PDF readers accept the header anywhere in the first 1 024 bytes.
        if (head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return Content.Pdf;
        }

        if (StartsWith(head, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Content.Png;
        }

        if (StartsWith(head, [0xFF, 0xD8, 0xFF]))
        {
            return Content.Jpeg;
        }

        if (StartsWith(head, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return Content.LegacyOffice;
        }

        if (StartsWith(head, [0x50, 0x4B, 0x03, 0x04]))
        {
            return IsOpenDocument(head) ? Content.OpenDocument : Content.OfficeOpenXml;
        }

        return Content.Unknown;
    }

    /// <summary>OpenDocument requires its first ZIP entry to be an uncompressed "mimetype" file naming an OpenDocument type.</summary>
    private static bool IsOpenDocument(ReadOnlySpan<byte> head) =>
        head.Length > 38 && head[30..38].SequenceEqual("mimetype"u8)
        && head[38..Math.Min(head.Length, 120)].IndexOf("application/vnd.oasis.opendocument"u8) >= 0;

    private static bool StartsWith(ReadOnlySpan<byte> head, ReadOnlySpan<byte> signature) => head.StartsWith(signature);

    private static string Describe(Content content) => content switch
    {
        Content.Pdf => "un PDF",
        Content.Png => "une image PNG",
        Content.Jpeg => "une image JPEG",
        Content.OfficeOpenXml => "un document Office (Word, Excel ou PowerPoint récent)",
        Content.OpenDocument => "un document OpenDocument",
        Content.LegacyOffice => "un ancien document Office (.doc, .xls ou .ppt)",
        _ => "d'un type non reconnu",
    };
}
