namespace Approvals.Domain;

/// <summary>
/// The prefect's window to refer the act to the administrative court (déféré, CGCT L2131-6: "dans les deux mois suivant
/// leur transmission"), counted from the act's receipt at the prefecture.
/// </summary>
/// <remarks>
/// Like every time limit to bring a case before the administrative judge it is a délai franc (CJA R421-1 and the case
/// law on the déféré): neither the day of receipt nor the last day counts, so it ends the day after the same day two
/// months later (art. 641), moved to the next working day when that day is a Saturday, Sunday or public holiday
/// (art. 642). Seed 004: received 21 June 2022 → Monday 22 August 2022.
/// Two letters made within the window extend it, as the Conseil d'État reads L2131-6: a request for additional
/// documents (CE, 13 janvier 1988, Mutuelle générale des personnels des collectivités locales: the two months run
/// again from their receipt; until then the window has no end), and a recours gracieux, the letter of observations
/// asking to withdraw or amend the act (the two months run again from the authority's answer, or from its implicit
/// rejection two months after the letter).
/// </remarks>
public static class LegalityControl
{
    private const int Months = 2;

    /// <summary>The last day on which the prefect may refer the act; null before the receipt or while documents he asked for are awaited.</summary>
    public static DateOnly? ReferralWindowLastDay(Dossier state)
    {
        if (state.Receipt is not { } receipt)
        {
            return null;
        }

        var received = receipt.ReceivedOn;
        var territory = state.Policy.Territory;
        var last = FrancLastDay(received, territory);
        foreach (var letter in receipt.Letters.Where(l => l.ReceivedOn >= received).OrderBy(l => l.ReceivedOn))
        {
            if (letter.ReceivedOn > last)
            {
                break;
            }

            if (letter.Kind == PrefectureLetterKind.AdditionalDocumentsRequest)
            {
                var answer = receipt.AdditionalDocuments.FirstOrDefault(d => d.SentOn >= letter.ReceivedOn);
                if (answer is null)
                {
                    return null;
                }

                last = FrancLastDay(answer.ReceivedOn ?? answer.SentOn, territory);
            }
            else if (letter.Kind == PrefectureLetterKind.Observations)
            {
                var answer = receipt.ObservationsAnswers.FirstOrDefault(a => a.ReceivedOn >= letter.ReceivedOn);
                var rejectedOn = answer?.ReceivedOn ?? FrenchCalendar.AddMonths(letter.ReceivedOn, Months);
                last = FrancLastDay(rejectedOn, territory);
            }
        }

        return last;
    }

    /// <summary>Two months franc from <paramref name="start"/>: the day after the same day two months later, on a working day.</summary>
    public static DateOnly FrancLastDay(DateOnly start, Territory territory) =>
        FrenchCalendar.ExtendToWorkingDay(FrenchCalendar.AddMonths(start, Months).AddDays(1), territory);
}
