using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Approvals.Application;
using Approvals.Domain;

namespace Approvals.Finance;

/// <summary>The archive's readable summary of a dossier and its register, in French; every value is HTML-encoded.</summary>
internal static class RegisterPage
{
    public static string Html(string dossierId, Dossier state, IReadOnlyList<RegisterEntry> register, RegisterVerification verification, IReadOnlyList<ArchivedFile> documents)
    {
        var request = state.Request;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>Registre du dossier ")
            .Append(E(state.Number?.ToString() ?? dossierId)).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em;}table{border-collapse:collapse;}th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top;}")
            .Append("code{font-size:.85em;}.ok{color:#1b5e20;}.ko{color:#b71c1c;font-weight:bold;}</style>\n</head>\n<body>\n");
        html.Append("<h1>Dossier ").Append(E(state.Number?.ToString() ?? dossierId)).Append("</h1>\n<dl>\n");
        Item(html, "Identifiant", dossierId);
        Item(html, "Bénéficiaire", request?.Beneficiary.Name ?? "—");
        Item(html, "Objet", request?.Object ?? "—");
        Item(html, "Étape", StageLabels.Of(state.Stage));
        Item(html, "Montant demandé", request is null ? "—" : Money.Format(request.AmountRequested));
        Item(html, "Montant voté", Money.Format(state.AmountVoted));
        Item(html, "Montant versé", Money.Format(state.AmountPaid));
        Item(html, "Montant reversé", Money.Format(state.AmountRecovered));
        Item(html, "Identifiant ACTES", state.Receipt?.ActesId?.ToString() ?? "—");
        html.Append("</dl>\n");

        html.Append("<h2>Intégrité du registre</h2>\n");
        html.Append(verification.Valid
            ? $"<p class=\"ok\">Chaîne d'empreintes vérifiée : {verification.Events} événement(s), aucune altération.</p>\n"
            : $"<p class=\"ko\">Chaîne d'empreintes rompue à l'événement n°{verification.FirstBrokenSequence} : {E(verification.Problem ?? string.Empty)}.</p>\n");

        html.Append("<h2>Événements</h2>\n<table>\n<thead><tr><th scope=\"col\">N°</th><th scope=\"col\">Enregistré le (heure de Paris)</th><th scope=\"col\">Événement</th>")
            .Append("<th scope=\"col\">Par</th><th scope=\"col\">Empreinte SHA-256</th></tr></thead>\n<tbody>\n");
        foreach (var e in register)
        {
            var paris = TimeZoneInfo.ConvertTime(e.RecordedAt, FrenchCalendar.Paris);
            html.Append("<tr><td>").Append(e.Sequence.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(E(paris.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)))
                .Append("</td><td>").Append(E(e.Type))
                .Append("</td><td>").Append(E(e.Actor))
                .Append("</td><td><code>").Append(E(e.Hash)).Append("</code></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        html.Append("<h2>Documents</h2>\n<table>\n<thead><tr><th scope=\"col\">Fichier</th><th scope=\"col\">Taille (octets)</th><th scope=\"col\">Empreinte SHA-256</th>")
            .Append("<th scope=\"col\">Contrôle</th></tr></thead>\n<tbody>\n");
        foreach (var d in documents.Where(d => d.ExpectedSha256 is not null))
        {
            html.Append("<tr><td>").Append(E(d.Path))
                .Append("</td><td>").Append(d.Size.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td><code>").Append(E(d.Sha256)).Append("</code></td><td>")
                .Append(d.Intact ? "<span class=\"ok\">conforme au registre</span>" : $"<span class=\"ko\">différente du registre ({E(d.ExpectedSha256!)})</span>")
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Item(StringBuilder html, string term, string value) =>
        html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    /// <summary>Encodes markup characters but keeps accented letters readable in the file.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);
}
