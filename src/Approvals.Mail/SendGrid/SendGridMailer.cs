using System.Net;
using Approvals.Application;
using Approvals.Domain;
using Microsoft.Extensions.Logging;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Approvals.Mail;

/// <summary>
/// Sends through SendGrid's v3 API with its own retry loop: SendGrid's client retries 5xx only and never
/// honours 429's Retry-After. Permanent refusals throw <see cref="MailRejectedException"/> at once.
/// </summary>
public sealed class SendGridMailer : IMailer
{
    /// <summary>Custom argument carrying <see cref="OutgoingMail.Key"/>, so the receiving side can tell duplicates apart.</summary>
    public const string KeyArgument = "approvalsKey";

    private readonly MailOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SendGridMailer> _logger;
    private readonly SendGridClient _client;

    public SendGridMailer(MailOptions options, TimeProvider timeProvider, ILogger<SendGridMailer> logger)
    {
        if (string.IsNullOrWhiteSpace(options.SendGridApiKey))
        {
            throw new ArgumentException("Mail:SendGridApiKey is required to send through SendGrid.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        var clientOptions = new SendGridClientOptions { ApiKey = options.SendGridApiKey };
        if (!string.IsNullOrWhiteSpace(options.SendGridHost))
        {
            clientOptions.Host = options.SendGridHost;
        }

        _client = new SendGridClient(clientOptions);
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        // SendGrid would answer 400: the same refusal, without the round trip.
        if (mail.To.FirstOrDefault(address => !EmailAddresses.IsSendable(address)) is { } unusable)
        {
            throw MailRejectedException.UnusableAddress(unusable);
        }

        var message = ToMessage(mail);
        for (var attempt = 1; ; attempt++)
        {
            Response? response = null;
            Exception? fault = null;
            try
            {
                response = await _client.SendEmailAsync(message, cancellationToken);
            }
            catch (Exception exception) when (IsNetworkFault(exception, cancellationToken))
            {
                fault = exception;
            }

            if (response is { IsSuccessStatusCode: true })
            {
                ApprovalsTelemetry.MailHandled("sent");
                return;
            }

            var status = response is null ? (int?)null : (int)response.StatusCode;
            var body = response is null ? fault!.Message : await response.Body.ReadAsStringAsync(cancellationToken);
            if (status is { } refused && IsPermanent(refused))
            {
                ApprovalsTelemetry.MailHandled("refused");
                throw new MailRejectedException(refused, body);
            }

            if (attempt >= _options.MaxAttempts)
            {
                ApprovalsTelemetry.MailHandled("failed");
                throw new HttpRequestException(
                    $"SendGrid did not accept mail {mail.Key} after {attempt} attempts; last answer: {(status is null ? "no response" : $"HTTP {status}")}: {body}",
                    fault,
                    response?.StatusCode);
            }

            var backoff = RetryDelay.Backoff(attempt, _options.BaseDelay, Random.Shared.NextDouble());
            var delay = status == (int)HttpStatusCode.TooManyRequests
                ? RetryDelay.ForThrottling(response!.Headers.RetryAfter, _timeProvider.GetUtcNow(), backoff)
                : backoff;
            _logger.LogWarning(
                fault,
                "SendGrid failed for mail {Key} (attempt {Attempt}, HTTP {Status}); retrying in {Delay}",
                mail.Key,
                attempt,
                status,
                delay);
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
    }

    private SendGridMessage ToMessage(OutgoingMail mail)
    {
        var message = new SendGridMessage
        {
            From = new EmailAddress(_options.FromAddress, _options.FromName),
            Subject = mail.Subject,
        };
        message.AddTos(mail.To.Select(address => new EmailAddress(address)).ToList());
        // SendGrid requires text/plain before text/html.
        message.AddContent(MimeType.Text, mail.Text);
        message.AddContent(MimeType.Html, mail.Html);
        message.AddCustomArg(KeyArgument, mail.Key);
        return message;
    }

    // 408 (timeout) and 429 (throttled) are 4xx that a later attempt can cure; every other 4xx is the message's fault.
    private static bool IsPermanent(int status) =>
        status is >= 400 and < 500 and not 408 and not 429;

    // HttpClient reports its own timeout as a cancellation the caller did not ask for.
    private static bool IsNetworkFault(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException
        || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
