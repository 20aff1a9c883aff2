using System.Net.Http.Headers;

namespace Approvals.Mail.Tests;

public sealed class RetryDelayTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 0.0, 1000)]
    [InlineData(1, 0.999, 1499.5)]
    [InlineData(2, 0.0, 2000)]
    [InlineData(3, 0.5, 5000)]
    [InlineData(4, 0.0, 8000)]
    public void Backoff_doubles_per_attempt_plus_up_to_half_of_it_in_jitter(int attempt, double jitter, double expectedMilliseconds)
    {
        Assert.Equal(expectedMilliseconds, RetryDelay.Backoff(attempt, Base, jitter).TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void Retry_After_in_seconds_is_honoured()
    {
        var wait = RetryDelay.ForThrottling(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), Now, Base);

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
    }

    [Fact]
    public void Retry_After_as_an_HTTP_date_waits_until_that_date()
    {
        var header = RetryConditionHeaderValue.Parse("Fri, 14 Mar 2025 09:00:30 GMT");

        var wait = RetryDelay.ForThrottling(header, Now, Base);

        Assert.Equal(TimeSpan.FromSeconds(30), wait);
    }

    [Fact]
    public void Retry_After_date_in_the_past_means_now()
    {
        var header = RetryConditionHeaderValue.Parse("Fri, 14 Mar 2025 08:59:00 GMT");

        Assert.Equal(TimeSpan.Zero, RetryDelay.ForThrottling(header, Now, Base));
    }

    [Fact]
    public void Without_Retry_After_a_429_falls_back_to_the_backoff()
    {
        var backoff = TimeSpan.FromMilliseconds(1234);

        Assert.Equal(backoff, RetryDelay.ForThrottling(null, Now, backoff));
    }
}
