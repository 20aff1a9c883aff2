namespace Approvals.Domain;

/// <summary>
/// The payment terms turned into instalments: how much, due at which event, and what the beneficiary may ask for and
/// the authority may pay now. Seed 004, art. 3: "100 %, soit 9 000 € à la signature de la présente convention" makes
/// the whole grant due at signature; art. 4 still requires the payment request within two months of notification.
/// </summary>
public static class PaymentSchedule
{
    /// <summary>Each instalment's amount is its share rounded to the cent; the last takes what rounding left, so they sum to the grant exactly.</summary>
    public static IReadOnlyList<ExpectedInstalment> Of(Dossier state)
    {
        if (state.Request is not { } request)
        {
            return [];
        }

        var total = state.Vote is null ? request.AmountRequested : state.AmountVoted;
        var terms = request.PaymentTerms;
        var amounts = terms.Select(t => Math.Round(total * t.Percent / 100m, 2, MidpointRounding.AwayFromZero)).ToArray();
        if (amounts.Length > 0)
        {
            amounts[^1] = total - amounts[..^1].Sum();
        }

        var instalments = new List<ExpectedInstalment>(terms.Count);
        decimal before = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            var amount = amounts[i];
            var dueOn = DueOn(state, terms[i].Trigger, before + amount);
            var status = amount > 0 && state.Payments.AmountPaid >= before + amount ? InstalmentStatus.Paid : dueOn is null ? InstalmentStatus.Expected : InstalmentStatus.Due;
            instalments.Add(new ExpectedInstalment(terms[i].Label, terms[i].Percent, terms[i].Trigger, amount, dueOn, status));
            before += amount;
        }

        return instalments;
    }

    /// <summary>What payment requests may ask for in all: the instalments due at signature once signed (or notified), and those due on request or on progress.</summary>
    public static decimal Requestable(Dossier state) =>
        Of(state).Where(i => i.Trigger switch
        {
            InstalmentTrigger.AtSignature => Opened(state) is not null,
            InstalmentTrigger.OnFinalReport => false,
            _ => true,
        }).Sum(i => i.Amount);

    /// <summary>
    /// What may be paid in all: what is due at signature (from the notification that makes the act enforceable, CGCT
    /// L2131-1: a payment needs no request then), what was asked for beyond it (up to what is requestable) and, once the
    /// final report is in, the balance due on it.
    /// </summary>
    public static decimal Payable(Dossier state)
    {
        var schedule = Of(state);
        var atSignature = state.Notification is null || Opened(state) is null ? 0 : schedule.Where(i => i.Trigger == InstalmentTrigger.AtSignature).Sum(i => i.Amount);
        return Math.Max(atSignature, Math.Min(state.Payments.AmountRequested, Requestable(state))) + DueOnReport(state);
    }

    /// <summary>The balance due on the final report once it is in: paid on the report, without a payment request.</summary>
    public static decimal DueOnReport(Dossier state) =>
        state.Report is null ? 0 : Of(state).Where(i => i.Trigger == InstalmentTrigger.OnFinalReport).Sum(i => i.Amount);

    /// <summary>The signature of the convention, or, without one, the notification of the decision.</summary>
    private static DateOnly? Opened(Dossier state) =>
        state.Signature is { } s ? (s.AuthoritySignedOn > s.BeneficiarySignedOn ? s.AuthoritySignedOn : s.BeneficiarySignedOn)
        : state.Request is { Convention.HasConvention: false } ? state.Notification?.NotifiedOn : null;

    /// <summary>The day an instalment's event happened; on request, the day the requests reached the instalment's cumulative amount.</summary>
    private static DateOnly? DueOn(Dossier state, InstalmentTrigger trigger, decimal cumulative) => trigger switch
    {
        InstalmentTrigger.AtSignature => Opened(state),
        InstalmentTrigger.OnFinalReport => state.Report?.ReceivedOn,
        _ => RequestReaching(state, cumulative),
    };

    private static DateOnly? RequestReaching(Dossier state, decimal cumulative)
    {
        decimal requested = 0;
        foreach (var request in state.Payments.Requests)
        {
            requested += request.Amount;
            if (requested >= cumulative)
            {
                return request.ReceivedOn;
            }
        }

        return null;
    }
}
