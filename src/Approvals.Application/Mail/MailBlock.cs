namespace Approvals.Application;

/// <summary>
/// One part of an e-mail's content. Templates say what to show with these; <see cref="MailLayout"/> alone writes
/// HTML, encoding every value, and the plain text from the same blocks, so that both bodies carry the same facts.
/// </summary>
internal abstract record MailBlock
{
    private MailBlock()
    {
    }

    /// <summary>A paragraph; an important one (a consequence, a deadline) is set off.</summary>
    public sealed record Paragraph(string Text, bool Important = false) : MailBlock;

    /// <summary>A titled list of label / value pairs.</summary>
    public sealed record Facts(string Heading, IReadOnlyList<(string Label, string Value)> Rows) : MailBlock;

    /// <summary>A titled table with column headers.</summary>
    public sealed record Table(string Heading, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : MailBlock;

    /// <summary>Document links with a note on how long they stay valid.</summary>
    public sealed record Links(string Heading, IReadOnlyList<DocumentLink> Items, string Note) : MailBlock;
}
