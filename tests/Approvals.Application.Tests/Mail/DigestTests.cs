namespace Approvals.Application.Tests;

using static SeedMails;

public sealed class DigestTests
{
    /// <summary>A Wednesday: its week starts on Monday 22 August 2022.</summary>
    private static readonly DateOnly Today = new(2022, 8, 24);

    private static readonly IReadOnlyList<DigestLine> Lines =
    [
        new("SUB-2022-0042", "CMQ MSI", "fin du délai de demande de paiement", new DateOnly(2022, 8, 30), false),
        new("SUB-2022-0050", "Association B", "fin de la convention", new DateOnly(2022, 8, 26), false),
        new("SUB-2022-0007", "Association C", "remise du compte rendu financier (non remis)", new DateOnly(2022, 7, 31), true),
        new("SUB-2022-0013", "Association D", "remise du compte rendu financier", new DateOnly(2022, 8, 29), false),
        new("SUB-2022-0003", "Association E", "remise du compte rendu financier (non remis)", new DateOnly(2022, 6, 30), true),
        new("SUB-2022-0099", "Association F", "fin du délai de demande de paiement", new DateOnly(2022, 9, 12), false),
    ];

    [Fact]
    public void GivenDeadlinesInSeveralWeeks_WhenTheDigestIsWritten_ThenOverdueComeFirstThenEachWeekInOrder()
    {
        var mail = DossierMails.Digest(Lines, Recipients, Today, "digest:2022-08-24");

        Assert.Equal("digest:2022-08-24", mail.Key);
        Assert.Equal(Recipients.Finance, mail.To);
        Assert.Equal("Échéances des subventions au mercredi 24 août 2022 : 6 échéances, dont 2 en retard", mail.Subject);
        foreach (var body in new[] { Visible(mail.Html), mail.Text })
        {
            string[] expectedOrder =
            [
                "En retard (2)", "SUB-2022-0003", "SUB-2022-0007",
                "Semaine du lundi 22 août 2022 (cette semaine)", "SUB-2022-0050",
                "Semaine du lundi 29 août 2022", "SUB-2022-0013", "SUB-2022-0042",
                "Semaine du lundi 12 septembre 2022", "SUB-2022-0099",
            ];
            var positions = expectedOrder.Select(part => body.IndexOf(part, StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order(), positions);
            Assert.DoesNotContain("Semaine du lundi 5 septembre 2022", body);
            Assert.Contains("mardi 30 août 2022", body);
        }
    }

    [Fact]
    public void GivenNoDeadline_WhenTheDigestIsWritten_ThenItSaysThereIsNone()
    {
        var mail = DossierMails.Digest([], Recipients, Today, "digest:2022-08-24");

        Assert.Equal("Échéances des subventions au mercredi 24 août 2022 : aucune échéance", mail.Subject);
        Assert.Contains("Aucune échéance", mail.Text);
        Assert.Contains("Aucune échéance", Visible(mail.Html));
        Assert.DoesNotContain("En retard", mail.Text);
    }

    [Fact]
    public void GivenOnlyComingDeadlines_WhenTheDigestIsWritten_ThenThereIsNoOverdueSection()
    {
        var mail = DossierMails.Digest([.. Lines.Where(l => !l.Overdue)], Recipients, Today, "k");

        Assert.EndsWith(": 4 échéances, dont 0 en retard", mail.Subject);
        Assert.DoesNotContain("En retard (", mail.Text);
    }
}
