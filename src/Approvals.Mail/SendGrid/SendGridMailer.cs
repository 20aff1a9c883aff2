using System.Net;
using Approvals.Application;
using Approvals.Domain;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Approvals.Mail;

/// <summary>
/// Sends through SendGrid's v3 API over an <see cref="HttpClient"/> whose resilience handler retries what a later attempt
/// can cure (5xx, 408, 429, network faults), waiting what a 429's <c>Retry-After</c> asks for and otherwise an
/// exponential backoff, on the injected <see cref="TimeProvider"/>: SendGrid's own client retries 5xx only and never
/// honours <c>Retry-After</c>. Permanent refusals throw <see cref="MailRejectedException"/> at once.
/// </summary>
public sealed class SendGridMailer : IMailer
{
    /// <summary>Custom argument carrying <see cref="OutgoingMail.Key"/>, so the receiving side can tell duplicates apart.</summary>
    public const string KeyArgument = "approvalsKey";

    private readonly MailOptions _options;
    private readonly SendGridClient _client;

    public SendGridMailer(MailOptions options, TimeProvider timeProvider, ILogger<SendGridMailer> logger)
    {
        if (string.IsNullOrWhiteSpace(options.SendGridApiKey))
        {
            throw new ArgumentException("Mail:SendGridApiKey is required to send through SendGrid.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        _options = options;
        var clientOptions = new SendGridClientOptions { ApiKey = options.SendGridApiKey };
        if (!string.IsNullOrWhiteSpace(options.SendGridHost))
        {
            clientOptions.Host = options.SendGridHost;
        }

        var retries = new ResilienceHandler(Retries(options, timeProvider, logger)) { InnerHandler = new SocketsHttpHandler() };
        _client = new SendGridClient(new HttpClient(retries), clientOptions);
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        // SendGrid would answer 400: the same refusal, without the round trip.
        if (mail.To.FirstOrDefault(address => !EmailAddresses.IsSendable(address)) is { } unusable)
        {
            throw MailRejectedException.UnusableAddress(unusable);
        }

        Response response;
        try
        {
            response = await _client.SendEmailAsync(ToMessage(mail), cancellationToken);
        }
        catch (Exception fault) when (IsNetworkFault(fault, cancellationToken))
        {
            ApprovalsTelemetry.MailHandled("failed");
            throw new HttpRequestException($"SendGrid did not accept mail {mail.Key} after {_options.MaxAttempts} attempts; last answer: no response: {fault.Message}", fault);
        }

        if (response.IsSuccessStatusCode)
        {
            ApprovalsTelemetry.MailHandled("sent");
            return;
        }

        var status = (int)response.StatusCode;
        var body = await response.Body.ReadAsStringAsync(cancellationToken);
        if (IsPermanent(status))
        {
            ApprovalsTelemetry.MailHandled("refused");
            throw new MailRejectedException(status, body);
        }

        ApprovalsTelemetry.MailHandled("failed");
        throw new HttpRequestException(
            $"SendGrid did not accept mail {mail.Key} after {_options.MaxAttempts} attempts; last answer: HTTP {status}: {body}", null, response.StatusCode);
    }

    /// <summary>
    /// The retry strategy: <see cref="MailOptions.MaxAttempts"/> requests at most; the delay is the 429's
    /// <c>Retry-After</c> (read against the injected clock) or <see cref="RetryDelay.Backoff"/>.
    /// </summary>
    private static ResiliencePipeline<HttpResponseMessage> Retries(MailOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                ShouldRetryAfterHeader = false,
                DelayGenerator = arguments =>
                {
                    var backoff = RetryDelay.Backoff(arguments.AttemptNumber + 1, options.BaseDelay, Random.Shared.NextDouble());
                    return ValueTask.FromResult<TimeSpan?>(arguments.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } throttled
                        ? RetryDelay.ForThrottling(throttled.Headers.RetryAfter, timeProvider.GetUtcNow(), backoff)
                        : backoff);
                },
                OnRetry = arguments =>
                {
                    logger.LogWarning(
                        arguments.Outcome.Exception,
                        "SendGrid failed (attempt {Attempt}, HTTP {Status}); retrying in {Delay}",
                        arguments.AttemptNumber + 1,
                        (int?)arguments.Outcome.Result?.StatusCode,
                        arguments.RetryDelay);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private SendGridMessage ToMessage(OutgoingMail mail)
    {
        var message = new SendGridMessage
        {
            From = new EmailAddress(_options.FromAddress, mail.SenderName ?? _options.FromName),
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
