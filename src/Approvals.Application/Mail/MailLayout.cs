using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Approvals.Application;

/// <summary>
/// The shared frame of every e-mail: a single-column table layout with inline CSS (what mail clients render), in
/// French, with the same footer. It writes the HTML and the plain text from the same blocks.
/// </summary>
internal static class MailLayout
{
    public const string Footer = "Message envoyé automatiquement par Approvals — ne pas répondre.";

    // Every Unicode range allowed, so that accents and "€" stay readable; markup characters (<, >, &, quotes) and
    // invisible or unsafe code points are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string FontFamily = "font-family:Arial,Helvetica,sans-serif;";
    private const string Font = FontFamily + "color:#1e1e1e;";
    private const string Cell = "padding:6px 8px;border-bottom:1px solid #dddddd;text-align:left;vertical-align:top;font-size:14px;";

    public static OutgoingMail Compose(string key, IEnumerable<string> to, string subject, string title, IReadOnlyList<MailBlock> blocks) =>
        new(key, Recipients(to), Header(subject), Html(title, blocks), Text(title, blocks));

    public static string Encode(string value) => Encoder.Encode(value);

    /// <summary>The footer of an authority other than the deployment's first: it says on whose behalf the mail is sent.</summary>
    public static string FooterFor(string authorityName) => $"Message envoyé automatiquement par Approvals pour {authorityName} — ne pas répondre.";

    /// <summary>
    /// The mail signed for another authority than the first: its footer names the authority and its sender's name is the
    /// authority's. One-authority deployments never call it, so their mails stay as they were.
    /// </summary>
    public static OutgoingMail SignedFor(OutgoingMail mail, string authorityName) => mail with
    {
        Html = mail.Html.Replace(Encode(Footer), Encode(FooterFor(authorityName)), StringComparison.Ordinal),
        Text = mail.Text.Replace(Footer, FooterFor(authorityName), StringComparison.Ordinal),
        SenderName = $"{Header(authorityName)} — Subventions",
    };

    /// <summary>
    /// A subject is a header: control characters (CR, LF, tab…) and line or paragraph separators would let a value
    /// start a new header, so they become spaces, and runs of spaces collapse.
    /// </summary>
    public static string Header(string subject)
    {
        var text = new StringBuilder(subject.Length);
        foreach (var c in subject)
        {
            var blank = char.IsControl(c) || (char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F');
            if (!blank)
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != ' ')
            {
                text.Append(' ');
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Each address once (case-insensitive), blanks dropped, in the order given.</summary>
    private static List<string> Recipients(IEnumerable<string> to) =>
        [.. to.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string Html(string title, IReadOnlyList<MailBlock> blocks)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f4f4f4;").Append(Font).Append("\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f4f4f4;\">")
            .Append("<tr><td align=\"center\" style=\"padding:16px;\">\n")
            .Append("<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\" ")
            .Append("style=\"max-width:640px;width:100%;background:#ffffff;border:1px solid #dddddd;\">\n")
            .Append("<tr><td style=\"padding:20px 24px;background:#000091;color:#ffffff;\">")
            .Append("<h1 style=\"margin:0;font-size:20px;line-height:1.3;").Append(FontFamily).Append("color:#ffffff;\">")
            .Append(Encode(title)).Append("</h1></td></tr>\n")
            .Append("<tr><td style=\"padding:8px 24px 24px 24px;\">\n");
        foreach (var block in blocks)
        {
            AppendHtml(html, block);
        }

        html.Append("</td></tr>\n")
            .Append("<tr><td style=\"padding:12px 24px;border-top:1px solid #dddddd;font-size:12px;color:#555555;\">")
            .Append(Encode(Footer)).Append("</td></tr>\n")
            .Append("</table>\n</td></tr></table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHtml(StringBuilder html, MailBlock block)
    {
        switch (block)
        {
            case MailBlock.Paragraph p when p.Important:
                html.Append("<p style=\"margin:16px 0;padding:10px 12px;border-left:4px solid #ce0500;background:#fff4f3;font-size:15px;line-height:1.5;\"><strong>")
                    .Append(Encode(p.Text)).Append("</strong></p>\n");
                break;
            case MailBlock.Paragraph p:
                html.Append("<p style=\"margin:16px 0;font-size:15px;line-height:1.5;\">").Append(Encode(p.Text)).Append("</p>\n");
                break;
            case MailBlock.Facts f:
                Heading(html, f.Heading);
                html.Append("<table cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;border-collapse:collapse;\">\n");
                foreach (var (label, value) in f.Rows)
                {
                    html.Append("<tr><th scope=\"row\" style=\"").Append(Cell).Append("width:38%;font-weight:bold;\">").Append(Encode(label))
                        .Append("</th><td style=\"").Append(Cell).Append("\">").Append(Encode(value)).Append("</td></tr>\n");
                }

                html.Append("</table>\n");
                break;
            case MailBlock.Table t:
                Heading(html, t.Heading);
                html.Append("<table cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;border-collapse:collapse;\">\n<tr>");
                foreach (var column in t.Columns)
                {
                    html.Append("<th scope=\"col\" style=\"").Append(Cell).Append("background:#eeeeee;font-weight:bold;\">").Append(Encode(column)).Append("</th>");
                }

                html.Append("</tr>\n");
                foreach (var row in t.Rows)
                {
                    html.Append("<tr>");
                    foreach (var value in row)
                    {
                        html.Append("<td style=\"").Append(Cell).Append("\">").Append(Encode(value)).Append("</td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</table>\n");
                break;
            case MailBlock.Links l:
                Heading(html, l.Heading);
                html.Append("<ul style=\"margin:8px 0;padding-left:20px;font-size:15px;line-height:1.6;\">\n");
                foreach (var link in l.Items)
                {
                    html.Append("<li><a href=\"").Append(Encode(link.Url.AbsoluteUri)).Append("\" style=\"color:#000091;\">")
                        .Append(Encode(link.Label)).Append("</a></li>\n");
                }

                html.Append("</ul>\n<p style=\"margin:8px 0;font-size:13px;color:#555555;\">").Append(Encode(l.Note)).Append("</p>\n");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown mail block.");
        }
    }

    private static void Heading(StringBuilder html, string heading) =>
        html.Append("<h2 style=\"margin:24px 0 8px 0;font-size:16px;").Append(Font).Append("\">").Append(Encode(heading)).Append("</h2>\n");

    private static string Text(string title, IReadOnlyList<MailBlock> blocks)
    {
        var text = new StringBuilder();
        text.Append(title).Append('\n').Append(new string('=', title.Length)).Append('\n');
        foreach (var block in blocks)
        {
            text.Append('\n');
            switch (block)
            {
                case MailBlock.Paragraph p:
                    text.Append(p.Important ? "IMPORTANT : " : string.Empty).Append(p.Text).Append('\n');
                    break;
                case MailBlock.Facts f:
                    Underlined(text, f.Heading);
                    foreach (var (label, value) in f.Rows)
                    {
                        text.Append(label).Append(" : ").Append(value).Append('\n');
                    }

                    break;
                case MailBlock.Table t:
                    Underlined(text, t.Heading);
                    text.Append('(').Append(string.Join(" — ", t.Columns)).Append(")\n");
                    foreach (var row in t.Rows)
                    {
                        text.Append("- ").Append(string.Join(" — ", row)).Append('\n');
                    }

                    break;
                case MailBlock.Links l:
                    Underlined(text, l.Heading);
                    foreach (var link in l.Items)
                    {
                        text.Append("- ").Append(link.Label).Append(" : ").Append(link.Url.AbsoluteUri).Append('\n');
                    }

                    text.Append(l.Note).Append('\n');
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(block), block, "Unknown mail block.");
            }
        }

        text.Append("\n-- \n").Append(Footer).Append('\n');
        return text.ToString();
    }

    private static void Underlined(StringBuilder text, string heading) =>
        text.Append(heading).Append('\n').Append(new string('-', heading.Length)).Append('\n');
}
