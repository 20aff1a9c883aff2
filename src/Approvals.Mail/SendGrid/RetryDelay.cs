using System.Net.Http.Headers;

namespace Approvals.Mail;

/// <summary>How long to wait before the next attempt at SendGrid.</summary>
public static class RetryDelay
{
    /// <summary>
    /// Exponential backoff with "equal jitter": after attempt n (from 1) the wait lies in
    /// [base·2^(n-1), 1.5·base·2^(n-1)), so waits always grow while concurrent senders spread out.
    /// </summary>
    /// <param name="jitter">A number in [0, 1).</param>
    public static TimeSpan Backoff(int attempt, TimeSpan baseDelay, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var floor = baseDelay * Math.Pow(2, attempt - 1);
        return floor + floor * (jitter / 2);
    }

    /// <summary>What a 429 asks for: its <c>Retry-After</c> (seconds or HTTP date), else the backoff.</summary>
    public static TimeSpan ForThrottling(RetryConditionHeaderValue? retryAfter, DateTimeOffset now, TimeSpan backoff)
    {
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return backoff;
    }
}
