using Approvals.Application;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approvals.Mail.Tests;

public sealed class ServiceCollectionExtensionsTests
{
    [Fact]
    public void Without_an_api_key_mail_goes_to_the_pickup_folder_under_the_content_root()
    {
        using var provider = Provider(new Dictionary<string, string?>());

        Assert.IsType<PickupFolderMailer>(provider.GetRequiredService<IMailer>());
        Assert.Equal(Path.GetFullPath("/srv/approvals/mail-pickup"), provider.GetRequiredService<MailOptions>().PickupFolder);
        Assert.NotNull(provider.GetRequiredService<PickupMailbox>());
    }

    [Fact]
    public void With_an_api_key_mail_goes_to_SendGrid_with_the_configured_settings()
    {
        using var provider = Provider(new Dictionary<string, string?>
        {
            ["Mail:SendGridApiKey"] = "SG.key",
            ["Mail:FromAddress"] = "subventions@ville.example",
            ["Mail:MaxAttempts"] = "3",
            ["Mail:BaseDelay"] = "00:00:02",
            ["Mail:PickupFolder"] = "/var/mail/approvals",
        });

        Assert.IsType<SendGridMailer>(provider.GetRequiredService<IMailer>());
        var options = provider.GetRequiredService<MailOptions>();
        Assert.Equal("subventions@ville.example", options.FromAddress);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.BaseDelay);
        Assert.Equal(Path.GetFullPath("/var/mail/approvals"), options.PickupFolder);
    }

    [Theory]
    [InlineData("Mail:MaxAttempts", "0")]
    [InlineData("Mail:BaseDelay", "-00:00:01")]
    [InlineData("Mail:FromAddress", "subventions,mairie@ville.example")]
    [InlineData("Mail:SendGridHost", "capture-server")]
    public void GivenAWrongMailSetting_WhenTheHostStarts_ThenTheStartFailsNamingIt(string setting, string value)
    {
        using var provider = Provider(new Dictionary<string, string?> { ["Mail:SendGridApiKey"] = "SG.key", [setting] = value });

        // What a host runs before it starts: every option registered with ValidateOnStart is checked.
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(setting, failure.Message);
    }

    [Fact]
    public void GivenTheDefaultMailSettings_WhenTheHostStarts_ThenNothingIsRefused()
    {
        using var provider = Provider(new Dictionary<string, string?>());

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddApprovalsMail(configuration, "/srv/approvals")
            .BuildServiceProvider();
    }
}
