using System.Diagnostics;
using Approvals.Application;
using Approvals.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Approvals.Mail.Tests;

public sealed class SendGridMailerTests : IAsyncLifetime
{
    private const string ApiKey = "SG.test-key";
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private SendGridCaptureServer _server = null!;

    public async Task InitializeAsync() => _server = await SendGridCaptureServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sends_recipients_sender_subject_both_contents_api_key_and_mail_key_as_given()
    {
        var mail = new OutgoingMail(
            "dossier-2025-0042/notify/3",
            ["agent@ville.example", "finances@ville.example"],
            "Dossier &lt;script&gt;alert(1)&lt;/script&gt; <script>x</script> — voté",
            "<p>Bonjour,</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
            "Bonjour,\n<script>alert(1)</script>");

        await Mailer(maxAttempts: 5).SendAsync(mail, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(mail.To, request.To);
        Assert.Equal("no-reply@approvals.local", request.FromEmail);
        Assert.Equal("Approvals — Subventions", request.FromName);
        Assert.Equal(mail.Subject, request.Subject);
        Assert.Equal(mail.Text, request.Text);
        Assert.Equal(mail.Html, request.Html);
        Assert.Equal($"Bearer {ApiKey}", request.Authorization);
        Assert.Equal(mail.Key, request.CustomArgs[SendGridMailer.KeyArgument]);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_then_sent_once()
    {
        _server.EnqueueResponse(429, TimeSpan.FromSeconds(1));

        await Mailer(maxAttempts: 5).SendAsync(Mail("throttled"), CancellationToken.None);

        var requests = _server.Requests;
        Assert.Equal([429, 202], requests.Select(request => request.AnsweredStatus));
        Assert.True(
            requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1),
            $"second request came {requests[1].ReceivedAt - requests[0].ReceivedAt} after the first");
        Assert.All(requests, request => Assert.Equal("throttled", request.CustomArgs[SendGridMailer.KeyArgument]));
    }

    /// <summary>
    /// Issue 17 item 8: both bounds of the backoff, on a fake clock. After the n-th failure the mailer waits between
    /// BaseDelay × 2^(n-1) and one and a half times that ("equal jitter"): nothing is sent a moment before the lower bound,
    /// and the next attempt is sent once the upper bound is reached.
    /// </summary>
    [Fact]
    public async Task Server_errors_are_retried_after_a_backoff_that_doubles_within_its_jitter()
    {
        _server.EnqueueResponse(500);
        _server.EnqueueResponse(500);
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 6, 10, 8, 0, 0, TimeSpan.Zero));
        var backoff = TimeSpan.FromSeconds(10);
        var mailer = new SendGridMailer(Options(maxAttempts: 5) with { BaseDelay = backoff }, clock, NullLogger<SendGridMailer>.Instance);

        var sending = mailer.SendAsync(Mail("flaky"), CancellationToken.None);

        await RequestsAsync(1);
        foreach (var (attempt, floor) in new[] { (1, backoff), (2, 2 * backoff) })
        {
            // Let the mailer read the answer and set its timer before the clock moves.
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            clock.Advance(floor - TimeSpan.FromMilliseconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.True(_server.Requests.Count == attempt, $"attempt {attempt + 1} sent before its backoff of at least {floor}");
            clock.Advance(floor / 2 + TimeSpan.FromMilliseconds(1));
            await RequestsAsync(attempt + 1);
        }

        await sending.WaitAsync(Patience);
        Assert.Equal([500, 500, 202], _server.Requests.Select(request => request.AnsweredStatus));
    }

    private async Task RequestsAsync(int count)
    {
        var waited = Stopwatch.StartNew();
        while (_server.Requests.Count < count)
        {
            Assert.True(waited.Elapsed < Patience, $"{count} requests expected, {_server.Requests.Count} received");
            await Task.Delay(20);
        }
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(413)]
    public async Task A_permanent_refusal_throws_MailRejectedException_without_retry(int status)
    {
        _server.EnqueueResponse(status);

        var refusal = await Assert.ThrowsAsync<MailRejectedException>(
            () => Mailer(maxAttempts: 5).SendAsync(Mail("refused"), CancellationToken.None));

        Assert.Equal(status, refusal.StatusCode);
        Assert.Contains($"simulated HTTP {status}", refusal.Detail);
        await Task.Delay(BaseDelay * 4);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Gives_up_after_MaxAttempts_with_a_transient_exception()
    {
        for (var i = 0; i < 10; i++)
        {
            _server.EnqueueResponse(500);
        }

        var failure = await Assert.ThrowsAnyAsync<Exception>(
            () => Mailer(maxAttempts: 3).SendAsync(Mail("down"), CancellationToken.None));

        Assert.IsNotType<MailRejectedException>(failure);
        Assert.Contains("HTTP 500", failure.Message);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_server_is_retried_then_reported_as_transient()
    {
        // A port that was just free: connections are refused.
        var closed = await SendGridCaptureServer.StartAsync();
        var host = closed.BaseUrl;
        await closed.DisposeAsync();
        var mailer = new SendGridMailer(Options(maxAttempts: 2) with { SendGridHost = host }, TimeProvider.System, NullLogger<SendGridMailer>.Instance);

        var failure = await Assert.ThrowsAnyAsync<HttpRequestException>(
            () => mailer.SendAsync(Mail("nowhere"), CancellationToken.None));

        Assert.Contains("after 2 attempts", failure.Message);
        Assert.NotNull(failure.InnerException);
    }

    private SendGridMailer Mailer(int maxAttempts) =>
        new(Options(maxAttempts), TimeProvider.System, NullLogger<SendGridMailer>.Instance);

    private MailOptions Options(int maxAttempts) => new()
    {
        SendGridApiKey = ApiKey,
        SendGridHost = _server.BaseUrl,
        MaxAttempts = maxAttempts,
        BaseDelay = BaseDelay,
    };

    private static OutgoingMail Mail(string key) =>
        new(key, ["agent@ville.example"], "Objet", "<p>Corps</p>", "Corps");
}
