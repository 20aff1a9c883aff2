using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approvals.Application;
using Approvals.Testing;

namespace Approvals.Reliability.Tests;

/// <summary>
/// Issue point 5, what tests/Approvals.Server.Tests/RefusalApiTests.cs does not already cover: each hostile or
/// malformed input is refused with a problem naming the rule, and the register stays as it was.
/// </summary>
public sealed partial class HostileInputTests(HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private const string Script = "<script>alert('subvention')</script> & \"Co\"";

    private readonly ApprovalsServerHost host = fixture.Host;
    private HttpClient officer = null!;
    private HttpClient reader = null!;
    private string id = "";

    public async Task InitializeAsync()
    {
        id = await Walks.SignedAsync(host, @object: $"Ateliers {Script}");
        officer = await host.SignInAsync(Role.CaseOfficer);
        reader = await host.SignInAsync(Role.Reader);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("statuts%07.pdf")]
    [InlineData("statuts%09annexe.pdf")]
    [InlineData("statuts%0D%0Acontent-type%3A%20text%2Fhtml.pdf")]
    [InlineData("..%2F..%2Fstatuts.pdf")]
    [InlineData("..%5Cstatuts.pdf")]
    public async Task A_file_name_with_control_characters_or_a_path_is_422(string encodedName)
    {
        var register = await RegisterAsync();

        var response = await UploadAsync(officer, $"filename*=UTF-8''{encodedName}", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));

        Assert.Contains("document.name", (await response.ProblemAsync(422)).ErrorCodes());
        Assert.Equal(register, await RegisterAsync());
    }

    [Theory]
    [InlineData("<html><body><script>alert(1)</script></body></html>", "rapport.pdf", "application/pdf")]
    [InlineData("%PDF-1.4\n%%EOF\n", "statuts.exe", "application/pdf")]
    [InlineData("MZ\u0090\u0000\u0003", "rib.png", "image/png")]
    [InlineData("#!/bin/sh\nrm -rf /\n", "budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task A_file_whose_content_is_not_what_its_name_and_type_claim_is_422(string content, string name, string declared)
    {
        var register = await RegisterAsync();

        var response = await UploadAsync(officer, $"filename=\"{name}\"", declared, Encoding.Latin1.GetBytes(content));

        await response.ProblemAsync(422);
        Assert.Equal(register, await RegisterAsync());
    }

    [Fact]
    public async Task A_real_pdf_declared_as_text_is_stored_as_what_its_bytes_say()
    {
        var response = await UploadAsync(officer, "filename=\"statuts.pdf\"", "text/plain", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/pdf", (await response.JsonAsync()).GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task A_json_body_over_the_limit_is_413()
    {
        var register = await RegisterAsync();
        var body = new StringContent($"{{\"notifiedOn\":\"{new string('2', 2 * 1024 * 1024)}\"}}", Encoding.UTF8, "application/json");

        // Announced by Content-Length, and streamed without it (chunked): refused either way.
        var announced = await PostExpectingContinueAsync($"/api/dossiers/{id}/notification", body);
        var chunked = await officer.PostAsync($"/api/dossiers/{id}/notification", System.Net.Http.Json.JsonContent.Create(new { notifiedOn = new string('2', 2 * 1024 * 1024) }));

        await announced.ProblemAsync(413);
        await chunked.ProblemAsync(413);
        Assert.Equal(register, await RegisterAsync());
    }

    [Theory]
    [InlineData("-9000", "amount.negative")]
    [InlineData("9000.005", "amount.precision")]
    [InlineData("1e12", "amount.too-large")]
    [InlineData("0", "amount.zero")]
    public async Task Amounts_negative_over_two_decimals_or_absurd_are_422_in_a_request_and_a_payment_request(string amount, string code)
    {
        var register = await RegisterAsync();
        var dossiers = await CountDossiersAsync();
        var request = Bodies.Request(new DateOnly(2022, 5, 2));
        request["amountRequested"] = JsonNode.Parse(amount);
        Assert.Contains(code, (await (await officer.PostJsonAsync("/api/dossiers", request)).ProblemAsync(422)).ErrorCodes());

        await Walks.OkAsync(officer.PostJsonAsync($"/api/dossiers/{id}/notification", Bodies.Notification(new DateOnly(2022, 6, 29))));
        var finance = await host.SignInAsync(Role.Finance);
        var payment = new JsonObject { ["receivedOn"] = "2022-06-29", ["amount"] = JsonNode.Parse(amount) };
        Assert.Contains(code, (await (await finance.PostJsonAsync($"/api/dossiers/{id}/payment-requests", payment)).ProblemAsync(422)).ErrorCodes());

        Assert.Equal([.. register, "Notified"], await RegisterAsync());
        Assert.Equal(dossiers, await CountDossiersAsync());
    }

    [Fact]
    public async Task An_amount_beyond_what_a_decimal_holds_is_400()
    {
        var finance = await host.SignInAsync(Role.Finance);
        await Walks.OkAsync(officer.PostJsonAsync($"/api/dossiers/{id}/notification", Bodies.Notification(new DateOnly(2022, 6, 29))));
        var register = await RegisterAsync();
        var body = new StringContent("{\"receivedOn\":\"2022-06-29\",\"amount\":1e40}", Encoding.UTF8, "application/json");

        Assert.Contains("request.json", (await (await finance.PostAsync($"/api/dossiers/{id}/payment-requests", body)).ProblemAsync(400)).ErrorCodes());
        Assert.Equal(register, await RegisterAsync());
    }

    [Fact]
    public async Task A_proxy_held_by_an_interested_member_is_422()
    {
        Walks.MoveTo(host, Walks.Paris(2022, 7, 1));
        var other = await Walks.CreateAsync(host, new DateOnly(2022, 6, 30));
        var register = await RegisterAsync(other);
        var vote = Bodies.Vote(new DateOnly(2022, 7, 1), @for: 4);
        vote["attendance"]!["interested"] = new JsonArray("M. Frank LAIDIE");
        var secretariat = await host.SignInAsync(Role.Secretariat);

        var problem = await (await secretariat.PostJsonAsync($"/api/dossiers/{other}/vote", vote)).ProblemAsync(422);

        Assert.Contains("vote.proxy-held-by-interested", problem.ErrorCodes());
        Assert.Equal(register, await RegisterAsync(other));
    }

    [Fact]
    public async Task Dates_going_backwards_are_422_naming_the_earlier_act()
    {
        var register = await RegisterAsync();

        var notification = await (await officer.PostJsonAsync($"/api/dossiers/{id}/notification", Bodies.Notification(new DateOnly(2022, 6, 27)))).ProblemAsync(422);
        Walks.MoveTo(host, Walks.Paris(2022, 7, 1));
        var other = await Walks.CreateAsync(host, new DateOnly(2022, 6, 30));
        var secretariat = await host.SignInAsync(Role.Secretariat);
        var vote = await (await secretariat.PostJsonAsync($"/api/dossiers/{other}/vote", Bodies.Vote(new DateOnly(2022, 6, 29)))).ProblemAsync(422);

        Assert.Contains("date.backwards", notification.ErrorCodes());
        Assert.Contains("date.backwards", vote.ErrorCodes());
        Assert.Equal(register, await RegisterAsync());
        Assert.Equal(["RequestSubmitted"], await RegisterAsync(other));
    }

    [Fact]
    public async Task Markup_in_a_name_is_422_and_in_free_text_it_stays_text_in_the_api_and_is_encoded_in_the_html_mail()
    {
        var request = Bodies.Request(new DateOnly(2022, 5, 2), name: "<script>alert(1)</script>");
        Assert.Contains("name.characters", (await (await officer.PostJsonAsync("/api/dossiers", request)).ProblemAsync(422)).ErrorCodes());

        var view = await (await reader.GetAsync($"/api/dossiers/{id}")).JsonAsync();
        Assert.Equal($"Ateliers {Script}", view.GetProperty("request").GetProperty("object").GetString());
        var approval = await ApprovalMailAsync();
        Assert.DoesNotContain("<script>", approval.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(", approval.Html);
        Assert.Contains(Script, approval.Text);
    }

    /// <summary>The pages show API data as text: no script of wwwroot writes HTML from strings (the browser test shows the rest).</summary>
    [Fact]
    public void The_pages_never_build_html_from_strings()
    {
        var scripts = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src", "Approvals.Server", "wwwroot"), "*.js", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".test.js", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(scripts);

        var sinks = scripts.SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && HtmlSinks().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(sinks);
        Assert.Contains(scripts, f => File.ReadAllText(f).Contains("textContent", StringComparison.Ordinal));
    }

    /// <summary>
    /// A large body sent as a careful client sends one: asking first (<c>Expect: 100-continue</c>). Kestrel refuses a
    /// Content-Length over the limit before it reads or invites the body, and closes the connection; a client already
    /// writing the body then got a broken pipe instead of the answer (once in CI). Asking first, it gets the 413.
    /// </summary>
    private Task<HttpResponseMessage> PostExpectingContinueAsync(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.ExpectContinue = true;
        return officer.SendAsync(request);
    }

    [GeneratedRegex(@"\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser")]
    private static partial Regex HtmlSinks();

    private async Task<CapturedMailRequest> ApprovalMailAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            if (host.Mail.Requests.FirstOrDefault(m => m.CustomArgs.GetValueOrDefault("approvalsKey") == $"{id}:6:approval") is { } mail)
            {
                return mail;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No approval e-mail for {id}.");
    }

    private async Task<int> CountDossiersAsync() =>
        (await (await reader.GetAsync("/api/dossiers?take=200")).JsonAsync()).GetProperty("items").GetArrayLength();

    private async Task<List<string>> RegisterAsync(string? dossierId = null) =>
        [.. (await (await reader.GetAsync($"/api/dossiers/{dossierId ?? id}")).JsonAsync()).RegisterTypes()];

    /// <summary>A multipart upload written by hand, so that the file name and type are exactly what a hostile client sends.</summary>
    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileNameParameter, string contentType, byte[] content)
    {
        const string boundary = "reliability-boundary";
        var body = new MemoryStream();
        body.Write(Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nStatutes\r\n"));
        body.Write(Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; {fileNameParameter}\r\nContent-Type: {contentType}\r\n\r\n"));
        body.Write(content);
        body.Write(Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n"));
        var request = new ByteArrayContent(body.ToArray());
        request.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return await client.PostAsync($"/api/dossiers/{id}/documents", request);
    }
}
