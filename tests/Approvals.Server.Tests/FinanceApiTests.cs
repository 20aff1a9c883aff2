using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Approvals.Api;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;

namespace Approvals.Server.Tests;

using static LifecycleApiTests;

/// <summary>Budget lines, programmes, exports, the convention and the archive through the real server, Azurite and HTTP.</summary>
public sealed class FinanceApiTests : IAsyncLifetime
{
    /// <summary>Seed 004's budget line.</summary>
    private static readonly JsonObject SeedLine = SeedRequests.BudgetLine;

    private static readonly string Line = $"/api/budget-lines/{SeedLine["year"]}/{SeedLine["code"]}";

    private static readonly string[] ScdlColumns =
    [
        "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire",
        "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE",
        "notificationUE", "pourcentageSubvention", "dispositifAide",
    ];

    private ApprovalsServerHost host = null!;
    private HttpClient officer = null!;
    private HttpClient secretariat = null!;
    private HttpClient finance = null!;

    public async Task InitializeAsync()
    {
        host = await ApprovalsServerHost.StartAsync(Paris(2022, 5, 3), new Dictionary<string, string?>
        {
            ["Authority:Name"] = "Grand Besançon Métropole",
            ["Authority:Siret"] = "24250036100017",
            ["Authority:President"] = "Anne VIGNOT",
            ["Authority:PresidentTitle"] = "Présidente",
        });
        officer = await host.SignInAsync(Role.CaseOfficer, "Claire Martin");
        secretariat = await host.SignInAsync(Role.Secretariat, "Yves Guyen");
        finance = await host.SignInAsync(Role.Finance, "Paul Trésor");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_vote_above_the_lines_available_credits_is_refused_with_the_figures_and_a_withdrawal_releases_them()
    {
        var refused = await finance.PutAsJsonAsync(Line, new { label = "", voted = -5 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["label", "voted"], (await refused.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync(Line, new { label = "Enseignement supérieur", voted = 15_000 })).StatusCode);
        await Ok(finance.PutAsJsonAsync(Line, new { label = "Enseignement supérieur", voted = 15_000 }));

        var first = await CreateAsync(SeedRequests.Request);
        var second = await CreateAsync(SeedRequests.Request);
        host.Time.SetUtcNow(Paris(2022, 6, 10));
        await Ok(secretariat.PostJsonAsync($"/api/dossiers/{first}/vote", SeedRequests.Command("RecordVote")));

        var line = await LineAsync();
        Assert.Equal((15_000m, 9_000m, 6_000m, 2), (line.GetProperty("voted").GetDecimal(), line.GetProperty("committed").GetDecimal(),
            line.GetProperty("available").GetDecimal(), line.GetProperty("dossiers").GetInt32()));

        var overspent = await secretariat.PostJsonAsync($"/api/dossiers/{second}/vote", SeedRequests.Command("RecordVote"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, overspent.StatusCode);
        var detail = (await overspent.JsonAsync()).GetProperty("detail").GetString()!;
        Assert.Contains($"{Money.Format(9_000m)} à engager, {Money.Format(6_000m)} disponibles", detail);
        Assert.Contains($"il manque {Money.Format(3_000m)}", detail);

        await Ok(officer.PostJsonAsync($"/api/dossiers/{first}/withdrawal", new JsonObject { ["on"] = "2022-06-10", ["reason"] = "Projet abandonné" }));
        line = await LineAsync();
        Assert.Equal((0m, 15_000m), (line.GetProperty("committed").GetDecimal(), line.GetProperty("available").GetDecimal()));
        await Ok(secretariat.PostJsonAsync($"/api/dossiers/{second}/vote", SeedRequests.Command("RecordVote")));
        Assert.Equal(6_000m, (await LineAsync()).GetProperty("available").GetDecimal());
    }

    [Fact]
    public async Task The_scdl_export_publishes_signed_grants_above_23000_euros_and_the_finance_csv_neutralises_formulas()
    {
        var small = await CreateAsync(SeedRequests.Request);
        var large = await CreateAsync(LargeRequest());
        var hostile = SeedRequests.Request;
        hostile["beneficiary"]!["name"] = "=HYPERLINK(\"http://x\")";
        await CreateAsync(hostile);
        const string scheme = "65d5b6c7-102c-4440-ac3b-768f708edc0a";
        var tooLong = await finance.PutAsJsonAsync(Line, new { label = SeedLine["label"], voted = SeedLine["voted"], aidScheme = new string('x', 101) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal("aidScheme", (await tooLong.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
        await Ok(finance.PutAsJsonAsync(Line, new { label = SeedLine["label"], voted = SeedLine["voted"], aidScheme = scheme }));
        Assert.Equal(scheme, (await LineAsync()).GetProperty("aidScheme").GetString());
        await SignAsync((small, 9_000m), (large, 30_000m));

        var scdl = await officer.GetAsync("/api/exports/scdl.csv?year=2022");
        Assert.Equal(HttpStatusCode.OK, scdl.StatusCode);
        Assert.Equal("attachment", scdl.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("scdl-subventions-2022.csv", scdl.Content.Headers.ContentDisposition?.FileName);
        var rows = (await scdl.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ScdlColumns), rows[0]);
        var row = Assert.Single(rows[1..]);
        Assert.StartsWith("Grand Besançon Métropole,24250036100017,2022-06-28,", row);
        Assert.Contains(",Association Grand Projet,00000003400017,,", row);
        // Signed on 28 and 29 June 2022, not yet notified: the planned period of "100 % à la signature" with its two-month
        // window counted from the signature; the whole grant to its one beneficiary; the line's aid scheme.
        Assert.EndsWith(",30000,aide en numéraire,unique,2022-06-29/2022-08-29,,non,1.00," + scheme, row);
        Assert.DoesNotContain(SeedRequests.Request["beneficiary"]!["siret"]!.GetValue<string>(), rows[1]);

        var csv = await finance.GetAsync("/api/exports/finance.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains(";\"'=HYPERLINK(\"\"http://x\"\")\";", text);
        Assert.DoesNotContain(";=HYPERLINK", text);
        Assert.DoesNotContain(";\"=HYPERLINK", text);
        Assert.Equal(4, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var xlsx = await finance.GetAsync("/api/exports/finance.xlsx");
        Assert.EndsWith(".xlsx", xlsx.Content.Headers.ContentDisposition?.FileName);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Cell>().ToList();
        Assert.Contains(cells, c => c.InnerText == "Association Grand Projet");
        Assert.Contains(cells, c => c.InnerText == "=HYPERLINK(\"http://x\")" && c.CellFormula is null);
        Assert.Equal(4, sheet.Descendants<Row>().Count());

        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.GetAsync("/api/exports/finance.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/exports/scdl.csv")).StatusCode);
    }

    [Fact]
    public async Task The_convention_downloads_as_word_and_pdf_with_the_voted_amount()
    {
        var id = await CreateAsync(SeedRequests.Request);
        host.Time.SetUtcNow(Paris(2022, 6, 10));
        await Ok(secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", SeedRequests.Command("RecordVote")));
        var reader = await host.SignInAsync(Role.Reader, "Lecteur");

        var pdf = await reader.GetAsync($"/api/dossiers/{id}/convention.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"convention-{id}.pdf", pdf.Content.Headers.ContentDisposition?.FileName);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = Normalise(string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
            Assert.Contains("une subvention de 9 000 €", text);
            Assert.Contains("Anne VIGNOT", text);
            Assert.Contains("n°2022-06-09-12", text);
        }

        var docx = await reader.GetAsync($"/api/dossiers/{id}/convention.docx");
        Assert.Equal($"convention-{id}.docx", docx.Content.Headers.ContentDisposition?.FileName);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var body = Normalise(string.Join("\n", word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText)));
        Assert.Contains("une subvention de 9 000 €", body);
        Assert.Contains("Campus des Métiers et des Qualifications Microtechniques et Systèmes Intelligents (CMQ MSI)", body);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/dossiers/SUB-2022-0099/convention.pdf")).StatusCode);
    }

    [Fact]
    public async Task The_archive_downloaded_through_the_api_has_a_manifest_matching_its_entries_and_the_recorded_hashes()
    {
        var id = await CreateAsync(SeedRequests.Request);
        var statutes = SamplePdf("Statuts du CMQ MSI");
        var bank = SamplePdf("RIB");
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(id, "Statutes", "statuts.pdf", statutes)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(id, "BankDetails", "RIB du CMQ.pdf", bank)).StatusCode);

        var response = await finance.GetAsync($"/api/dossiers/{id}/archive.zip", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Equal($"dossier-{id}.zip", response.Content.Headers.ContentDisposition?.FileName);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var entries = zip.Entries.ToDictionary(e => e.FullName, Read);

        var manifest = Encoding.UTF8.GetString(entries["manifest-sha256.txt"]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split("  ", 2)).ToDictionary(p => p[1], p => p[0]);
        Assert.Equal(entries.Keys.Where(k => k != "manifest-sha256.txt").Order(), manifest.Keys.Order());
        foreach (var (path, hash) in manifest)
        {
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(entries[path])));
        }

        var documents = (await (await finance.GetAsync($"/api/dossiers/{id}/documents")).JsonAsync()).EnumerateArray()
            .ToDictionary(d => d.GetProperty("kind").GetString()!, d => d.GetProperty("sha256").GetString()!);
        Assert.Equal(documents["Statutes"], manifest["documents/Statutes/statuts.pdf"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(statutes)), documents["Statutes"]);
        Assert.Equal(documents["BankDetails"], Assert.Single(manifest, m => m.Key.StartsWith("documents/BankDetails/", StringComparison.Ordinal)).Value);
        Assert.Equal(bank, entries[manifest.Keys.Single(k => k.StartsWith("documents/BankDetails/", StringComparison.Ordinal))]);
        var register = JsonDocument.Parse(entries["register.json"]).RootElement;
        Assert.Equal(3, register.GetArrayLength());
        Assert.Contains(id, Encoding.UTF8.GetString(entries["register.html"]));
    }

    [Fact]
    public async Task A_programme_is_created_and_reports_its_tranches_year_by_year_with_a_chart()
    {
        // Seed 000's programme, financed here by the funders of seed 004's request, which is its tranche below.
        var revenues = SeedRequests.Request["budget"]!["revenues"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var ours = revenues.Single(r => r["fromThisAuthority"]!.GetValue<bool>());
        var programme = SeedRequests.Programme;
        programme["funders"] = new JsonArray([.. revenues.OrderByDescending(r => r == ours).Select(r => r["funder"]!.DeepClone())]);
        var id = programme["id"]!.GetValue<string>();
        var name = programme["name"]!.GetValue<string>();
        var phases = programme["phases"]!.AsArray();
        var firstYear = phases[0]!["firstYear"]!.GetValue<int>();
        var lastYear = phases[^1]!["lastYear"]!.GetValue<int>();
        var invalid = programme.DeepClone().AsObject();
        invalid["id"] = "Cnam 2021";
        invalid["totalBudget"] = 10.001;
        invalid["phases"]![1]!["lastYear"] = 2020;
        invalid["funders"] = new JsonArray();
        var refused = await officer.PostJsonAsync("/api/programmes", invalid);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(["funders", "id", "phases[1].lastYear", "totalBudget"],
            (await refused.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.PostJsonAsync("/api/programmes", programme)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await officer.PostJsonAsync("/api/programmes", programme)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await finance.PostJsonAsync("/api/programmes", programme)).StatusCode);
        var tranche = SeedRequests.Request;
        tranche["programmeId"] = id;
        var trancheId = await CreateAsync(tranche);
        await CreateAsync(SeedRequests.Request);
        var voted = ours["amount"]!.GetValue<decimal>();
        await SignAsync((trancheId, voted));

        var list = await (await finance.GetAsync("/api/programmes")).JsonAsync();
        Assert.Equal(name, Assert.Single(list.EnumerateArray()).GetProperty("name").GetString());
        var report = await (await finance.GetAsync($"/api/programmes/{id}")).JsonAsync();
        Assert.Equal(trancheId, Assert.Single(report.GetProperty("tranches").EnumerateArray()).GetProperty("dossierId").GetString());
        Assert.Equal(Enumerable.Range(firstYear, lastYear - firstYear + 1), report.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        // The tranche's year: ours voted and not yet paid, the other funders' shares as the request's budget gives them.
        var trancheYear = tranche["budgetLine"]!["year"]!.GetValue<int>();
        var totals = report.GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == trancheYear).GetProperty("totals");
        Assert.Equal((revenues.Sum(r => r["amount"]!.GetValue<decimal>()), 0m), (totals.GetProperty("voted").GetDecimal(), totals.GetProperty("paid").GetDecimal()));
        var ourFunding = report.GetProperty("funders")[0];
        Assert.Equal((ours["funder"]!.GetValue<string>(), voted), (ourFunding.GetProperty("funder").GetString(), ourFunding.GetProperty("amounts").GetProperty("stillExpected").GetDecimal()));
        Assert.Empty(report.GetProperty("issues").EnumerateArray());

        var chart = await officer.GetAsync($"/api/programmes/{id}/chart.svg");
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await chart.Content.ReadAsStringAsync());
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Root!.Name);
        Assert.Contains(name, svg.Root.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/programmes/inconnu/chart.svg")).StatusCode);
    }

    [Fact]
    public async Task GivenTheDemo_WhenLoadedTwice_ThenSeed004sDossierAloneIsVotedAndSeed000IsOnlyPmasProgrammeWithoutTranches()
    {
        host.Time.SetUtcNow(Paris(2023, 1, 10));
        await DemoData.LoadAsync(host.Services, CancellationToken.None);
        await DemoData.LoadAsync(host.Services, CancellationToken.None);

        // One dossier, the seed's: the only vote recorded is the bureau's of 9 June 2022, on the CMQ MSI's request.
        var dossier = Assert.Single((await (await Ok(officer.GetAsync("/api/dossiers"))).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal("SUB-2022-0001", dossier.GetProperty("dossierId").GetString());
        Assert.StartsWith("Campus des Métiers et des Qualifications Microtechniques", dossier.GetProperty("beneficiaryName").GetString());
        // Deliberately fake identifiers (SIREN 000000018 is never assigned), valid by their check digits.
        Assert.Equal("00000001800010", dossier.GetProperty("beneficiarySiret").GetString());
        Assert.True(Siret.IsValid("00000001800010"));
        Assert.Equal((9_000m, 9_000m), (dossier.GetProperty("amountVoted").GetDecimal(), dossier.GetProperty("amountPaid").GetDecimal()));

        // Seed 000: Pays de Montbéliard Agglomération's programme, about 786 000 € over 2021-2024, two phases; nothing voted.
        // It belongs to Pays de Montbéliard Agglomération, the demo's second authority: asked there, not in Grand Besançon.
        Assert.Empty((await (await Ok(finance.GetAsync("/api/programmes"))).JsonAsync()).EnumerateArray());
        finance.DefaultRequestHeaders.Add(CurrentAuthority.Header, "pma");
        var programme = Assert.Single((await (await Ok(finance.GetAsync("/api/programmes"))).JsonAsync()).EnumerateArray());
        Assert.Contains("Pays de Montbéliard Agglomération", programme.GetProperty("name").GetString());
        Assert.Contains("de l'ordre de 786 000 €", programme.GetProperty("name").GetString());
        var report = await (await Ok(finance.GetAsync("/api/programmes/cnam-montbeliard-2021-2024"))).JsonAsync();
        Assert.Equal(786_000m, report.GetProperty("programme").GetProperty("totalBudget").GetDecimal());
        var phases = report.GetProperty("programme").GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal([(2021, 2022), (2023, 2024)], phases.Select(p => (p.GetProperty("firstYear").GetInt32(), p.GetProperty("lastYear").GetInt32())));
        Assert.Contains("Mattern Lab", phases[0].GetProperty("label").GetString());
        Assert.Contains("ex-polyclinique des Portes du Jura à Montbéliard", phases[1].GetProperty("label").GetString());
        Assert.Equal(["Pays de Montbéliard Agglomération"], report.GetProperty("programme").GetProperty("funders").EnumerateArray().Select(f => f.GetString()));
        Assert.Empty(report.GetProperty("tranches").EnumerateArray());

        finance.DefaultRequestHeaders.Remove(CurrentAuthority.Header);
        // Grand Besançon's budget carries only the seed's line of 2022 and its 9 000 €.
        var lines = (await (await Ok(finance.GetAsync("/api/budget-lines"))).JsonAsync()).EnumerateArray()
            .ToDictionary(l => l.GetProperty("year").GetInt32(), l => (l.GetProperty("voted").GetDecimal(), l.GetProperty("committed").GetDecimal()));
        Assert.Equal(new Dictionary<int, (decimal, decimal)> { [2022] = (510_000m, 9_000m) }, lines);
    }

    /// <summary>A 30 000 € request from another association: the seed's budget with a larger purchase line.</summary>
    private static JsonObject LargeRequest()
    {
        var request = SeedRequests.Request;
        request["beneficiary"]!["name"] = "Association Grand Projet";
        request["beneficiary"]!["siret"] = "00000003400017";
        request["beneficiary"]!["rna"] = null;
        request["budget"]!["expenses"]![2]!["amount"] = 6_900 + 21_000;
        request["budget"]!["revenues"]![1]!["amount"] = 30_000;
        request["amountRequested"] = 30_000;
        return request;
    }

    private async Task<string> CreateAsync(JsonObject request)
    {
        var created = await Ok(officer.PostJsonAsync("/api/dossiers", request));
        return (await created.JsonAsync()).GetProperty("dossierId").GetString()!;
    }

    /// <summary>Vote, transmission, acknowledgment and signature of the conventions, on the seed's dates.</summary>
    private async Task SignAsync(params (string Id, decimal Amount)[] dossiers)
    {
        host.Time.SetUtcNow(Paris(2022, 6, 10));
        foreach (var (id, amount) in dossiers)
        {
            var vote = SeedRequests.Command("RecordVote");
            vote["amountVoted"] = amount;
            await Ok(secretariat.PostJsonAsync($"/api/dossiers/{id}/vote", vote));
        }

        host.Time.SetUtcNow(Paris(2022, 6, 22));
        foreach (var (id, _) in dossiers)
        {
            await Ok(secretariat.PostJsonAsync($"/api/dossiers/{id}/transmission", SeedRequests.Command("RecordTransmission")));
            await Ok(secretariat.PostJsonAsync($"/api/dossiers/{id}/acknowledgment", SeedRequests.Command("AcknowledgeReceipt")));
        }

        host.Time.SetUtcNow(Paris(2022, 6, 29));
        foreach (var (id, _) in dossiers)
        {
            await Ok(officer.PostJsonAsync($"/api/dossiers/{id}/signature", SeedRequests.Command("SignConvention")));
        }
    }

    private async Task<JsonElement> LineAsync() =>
        Assert.Single((await (await Ok(officer.GetAsync("/api/budget-lines?year=2022"))).JsonAsync()).EnumerateArray());

    private async Task<HttpResponseMessage> UploadAsync(string id, string kind, string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return await officer.PostAsync($"/api/dossiers/{id}/documents", form);
    }

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Normalise(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
