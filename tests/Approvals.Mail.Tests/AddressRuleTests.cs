using System.Text.Json;
using Approvals.Application;
using Approvals.Domain;
using Approvals.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Approvals.Mail.Tests;

/// <summary>
/// Issue 12 point 6: one address rule, the one both mailers take. The vectors are shared with the pages' checks
/// (tests/vectors/email-addresses.json, read by node --test too). An address the rule accepts goes through MimeKit and
/// SendGrid unchanged; one it refuses is refused at the request with a message naming the field, and a mailer given
/// one anyway (a dossier entered before the rule) refuses it for good, so the outbox lists it instead of retrying it.
/// </summary>
public sealed class AddressRuleTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "approvals-addresses-" + Guid.NewGuid().ToString("N"));
    private SendGridCaptureServer sendGrid = null!;

    public static TheoryData<string> Accepted => Vectors("accepted");

    public static TheoryData<string> Refused => Vectors("refused");

    public async Task InitializeAsync() => sendGrid = await SendGridCaptureServer.StartAsync();

    public async Task DisposeAsync()
    {
        await sendGrid.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task GivenAnAcceptedAddress_WhenMailedThroughBothMailers_ThenEachTakesItUnchanged(string address)
    {
        Assert.Null(EmailAddresses.Check(address, "beneficiary.email", "L'adresse du bénéficiaire"));

        await Pickup().SendAsync(Mail(address), CancellationToken.None);
        await SendGrid().SendAsync(Mail(address), CancellationToken.None);

        var written = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(folder)));
        Assert.Equal(address, Assert.Single(written.To.Mailboxes).Address);
        var request = Assert.Single(sendGrid.Requests);
        Assert.Equal([address], request.To);
        Assert.Equal(202, request.AnsweredStatus);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task GivenARefusedAddress_WhenCheckedOrMailed_ThenTheRequestNamesTheFieldAndNeitherMailerRetriesIt(string address)
    {
        var refusal = EmailAddresses.Check(address, "beneficiary.representativeEmail", "L'adresse du représentant");

        Assert.NotNull(refusal);
        Assert.Equal("email.format", refusal.Code);
        Assert.Equal("beneficiary.representativeEmail", refusal.Field);
        Assert.Contains("beneficiary.representativeEmail", refusal.Message);
        var pickup = await Assert.ThrowsAsync<MailRejectedException>(() => Pickup().SendAsync(Mail(address), CancellationToken.None));
        var viaSendGrid = await Assert.ThrowsAsync<MailRejectedException>(() => SendGrid().SendAsync(Mail(address), CancellationToken.None));
        Assert.Contains(address, pickup.Reason);
        Assert.Contains(address, viaSendGrid.Reason);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
        Assert.Empty(sendGrid.Requests);
    }

    [Fact]
    public async Task GivenASenderMimeKitCannotParse_WhenMailed_ThenThePickupMailerRefusesItForGood()
    {
        var mailer = new PickupFolderMailer(new MailOptions { PickupFolder = folder, FromAddress = "no-reply;x@approvals.local" }, new FakeTimeProvider());

        var refused = await Assert.ThrowsAsync<MailRejectedException>(() => mailer.SendAsync(Mail("agent@ville.example"), CancellationToken.None));

        Assert.IsType<ParseException>(refused.InnerException);
        Assert.Contains("no-reply;x@approvals.local", refused.Reason);
    }

    private static OutgoingMail Mail(string to) => new("dossier-2025-0042/notify/3", [to], "Subvention votée", "<p>Bonjour</p>", "Bonjour");

    private PickupFolderMailer Pickup() => new(new MailOptions { PickupFolder = folder }, new FakeTimeProvider());

    private SendGridMailer SendGrid() =>
        new(new MailOptions { SendGridApiKey = "SG.test-key", SendGridHost = sendGrid.BaseUrl, MaxAttempts = 1 }, TimeProvider.System, NullLogger<SendGridMailer>.Instance);

    private static TheoryData<string> Vectors(string kind)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "vectors", "email-addresses.json")));
        var data = new TheoryData<string>();
        foreach (var address in json.RootElement.GetProperty(kind).EnumerateArray())
        {
            data.Add(address.GetString()!);
        }

        return data;
    }
}
