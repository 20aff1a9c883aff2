using Approvals.Application;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Approvals.Mail.Tests;

public sealed class PickupFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approvals-pickup-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 9, 30, 15, 123, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Writes_a_parseable_eml_with_both_bodies_and_the_key()
    {
        var mail = new OutgoingMail(
            "dossier-2025-0042/notify/3",
            ["agent@ville.example", "finances@ville.example"],
            "Subvention votée — dossier n° 2025-0042",
            "<p>Bonjour, la subvention de <strong>12 500,00 €</strong> est votée.</p>",
            "Bonjour, la subvention de 12 500,00 € est votée.");

        await Mailer().SendAsync(mail, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.Matches(@"^20250314T093015123-dossier-2025-0042_notify_3~[0-9a-f]{16}\.eml$", Path.GetFileName(file));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(mail.Subject, message.Subject);
        Assert.Equal(mail.To, message.To.Mailboxes.Select(mailbox => mailbox.Address));
        Assert.Equal("no-reply@approvals.local", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal(mail.Html, message.HtmlBody?.TrimEnd());
        Assert.Equal(mail.Text, message.TextBody?.TrimEnd());
        Assert.Equal(mail.Key, message.Headers[PickupFolderMailer.KeyHeader]);
        Assert.Equal(_clock.GetUtcNow().AddMilliseconds(-123), message.Date);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        Assert.Equal("multipart/alternative", message.Body?.ContentType.MimeType);
    }

    [Fact]
    public async Task The_same_key_twice_leaves_one_file_with_the_latest_content()
    {
        var mailer = Mailer();
        await mailer.SendAsync(Mail("same-key", "Premier envoi"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await mailer.SendAsync(Mail("same-key", "Second envoi"), CancellationToken.None);
        await mailer.SendAsync(Mail("other-same-key", "Autre"), CancellationToken.None);

        var files = Directory.GetFiles(_folder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["20250314T093015123-same-key.eml", "20250314T093515123-other-same-key.eml"], files);
        var kept = await MimeMessage.LoadAsync(Path.Combine(_folder, "20250314T093015123-same-key.eml"));
        Assert.Equal("Second envoi", kept.Subject);
    }

    [Fact]
    public async Task The_mailbox_lists_newest_first_and_finds_by_id()
    {
        var mailer = Mailer();
        foreach (var key in new[] { "first", "second", "third" })
        {
            await mailer.SendAsync(Mail(key, $"Objet {key}"), CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var mailbox = new PickupMailbox(Options());
        var listed = mailbox.List(max: 2);

        Assert.Equal(["Objet third", "Objet second"], listed.Select(mail => mail.Subject));
        var newest = listed[0];
        Assert.Equal("20250314T093017123-third", newest.Id);
        Assert.Equal(["agent@ville.example"], newest.To);
        Assert.Equal("<p>Corps third</p>", newest.Html.TrimEnd());
        Assert.Equal("Corps third", newest.Text.TrimEnd());
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 30, 17, TimeSpan.Zero), newest.Date);
        var found = mailbox.Find(newest.Id);
        Assert.NotNull(found);
        Assert.Equal((newest.Subject, newest.Date, newest.Html), (found.Subject, found.Date, found.Html));
        Assert.Null(mailbox.Find("20250314T093017123-missing"));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("20250314T093015123-../../etc/passwd")]
    [InlineData("20250314T093015123-..")]
    [InlineData("")]
    public async Task The_mailbox_refuses_ids_outside_its_folder(string id)
    {
        await Mailer().SendAsync(Mail("present", "Objet"), CancellationToken.None);

        Assert.Null(new PickupMailbox(Options()).Find(id));
    }

    [Fact]
    public void An_empty_or_missing_folder_lists_nothing()
    {
        Assert.Empty(new PickupMailbox(Options()).List(max: 10));
    }

    private PickupFolderMailer Mailer() => new(Options(), _clock);

    private MailOptions Options() => new() { PickupFolder = _folder };

    private static OutgoingMail Mail(string key, string subject) =>
        new(key, ["agent@ville.example"], subject, $"<p>Corps {key}</p>", $"Corps {key}");
}
