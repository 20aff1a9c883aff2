using Approvals.Api;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approvals.Server.Tests;

/// <summary>
/// The real server started with one wrong setting: the start stops, with a message naming the setting and its rule,
/// instead of failing at the first request, mail or clock that reads it.
/// </summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Api:DownloadLinkLifetime", "00:00:00", "Api:DownloadLinkLifetime must be positive and at most 7 days")]
    [InlineData("Portal:PublicBaseUrl", "subventions.example.fr", "Portal:PublicBaseUrl must be the site's absolute http(s) address")]
    [InlineData("Portal:LinksPerAddressPerHour", "0", "Portal:LinksPerAddressPerHour must be at least 1")]
    [InlineData("Portal:BudgetLineCode", "6574", "Portal:BudgetLineCode '6574' is not a budget line code")]
    [InlineData("Portal:CaseOfficerEmail", "instruction", "Portal:CaseOfficerEmail 'instruction' is not a sendable e-mail address")]
    [InlineData("Identity:RoleWithoutClaim", "Administrator", "Identity:RoleWithoutClaim may not be Administrator")]
    [InlineData("Identity:AccessContact", " ", "Identity:AccessContact is empty")]
    [InlineData("Reminders:OffsetsDays:1", "0", "Reminders:OffsetsDays:1 must be a number of days between 1 and 365")]
    [InlineData("Reminders:DigestCron", "tous les jours", "Reminders:DigestCron 'tous les jours' is not a five-field cron expression")]
    [InlineData("Reminders:MailLinkLifetime", "8.00:00:00", "Reminders:MailLinkLifetime must be positive and at most 7 days")]
    [InlineData("Outbox:Lease", "00:00:00.500", "Outbox:Lease must be at least 00:00:01")]
    [InlineData("Outbox:SignalCapacity", "0", "Outbox:SignalCapacity must be at least 1")]
    [InlineData("Clock:TaskHub", "approvals-server", "Clock:TaskHub 'approvals-server' is not a task hub name")]
    [InlineData("Clock:PartitionCount", "0", "Clock:PartitionCount must be between 1 and 16")]
    public async Task GivenOneWrongSetting_WhenTheServerStarts_ThenTheStartFailsNamingTheSettingAndItsRule(string setting, string value, string message)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(
            () => ApprovalsServerHost.StartAsync(DateTimeOffset.UtcNow, new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public async Task GivenARoleThatDoesNotExist_WhenTheServerStarts_ThenTheStartFailsNamingTheSetting()
    {
        var failure = await Assert.ThrowsAnyAsync<InvalidOperationException>(
            () => ApprovalsServerHost.StartAsync(DateTimeOffset.UtcNow, new Dictionary<string, string?> { ["Identity:RoleWithoutClaim"] = "Lecteur" }));

        Assert.Contains("Identity:RoleWithoutClaim", failure.Message);
    }

    /// <summary>Issue 15: the first authority's id prefixes its storage keys as every other's does, and follows the same rule.</summary>
    [Fact]
    public async Task GivenAnInvalidFirstAuthorityId_WhenTheServerStarts_ThenTheStartFailsNamingTheSettingAndItsRule()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(
            () => ApprovalsServerHost.StartAsync(DateTimeOffset.UtcNow, new Dictionary<string, string?> { ["Authority:Id"] = "GBM" }));

        var refusal = Assert.IsType<ArgumentException>(failure.GetBaseException());
        Assert.Equal("Authority:Id", refusal.ParamName);
        Assert.Contains("\"GBM\"", refusal.Message);
        Assert.Contains("commençant par une lettre", refusal.Message);
    }

    [Fact]
    public async Task GivenTheShippedSettings_WhenTheServerStarts_ThenEverySettingIsAcceptedAsWritten()
    {
        await using var host = await ApprovalsServerHost.StartAsync(DateTimeOffset.UtcNow);

        // appsettings.json's offsets, once: not appended to a default list.
        Assert.Equal([30, 15, 7], host.Service<ProcessOptions>().Policy.ReminderOffsetsDays);
        Assert.True(host.Service<IdentityOptions>().DevelopmentSignIn);
    }

    [Fact]
    public void GivenOtherReminderOffsets_WhenBound_ThenTheyReplaceTheDefaultOnes()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Reminders:OffsetsDays:0"] = "20", ["Reminders:OffsetsDays:1"] = "10" })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddApprovalsCore(configuration).BuildServiceProvider();

        Assert.Equal([20, 10], provider.GetRequiredService<ProcessOptions>().Policy.ReminderOffsetsDays);
        Assert.Equal(ProcessPolicy.Default.ReminderOffsetsDays, new ProcessOptions().Policy.ReminderOffsetsDays);
    }
}
