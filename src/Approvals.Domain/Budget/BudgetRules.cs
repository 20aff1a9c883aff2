using System.Globalization;

namespace Approvals.Domain;

/// <summary>The money rules: balanced budget, amount requested, grant rate, credits, settlement and recovery.</summary>
public static class BudgetRules
{
    /// <summary>For showing an invalid amount as it was typed (unrounded), the French way.</summary>
    private static readonly NumberFormatInfo FrenchNumbers = new()
    {
        NumberGroupSeparator = "\u202F",
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    /// <summary>The French way of writing euros, fixed here rather than taken from the machine's culture data.</summary>
    /// <summary>The budget balances, its amounts are valid, and the amount requested equals this authority's revenue line. Fields are named under <paramref name="fieldPrefix"/> (e.g. "budget.expenses[2].amount").</summary>
    /// <remarks>Every refusal is returned at once, so that a form shows them all; the balance is checked only when every amount is valid.</remarks>
    public static IReadOnlyList<Refusal> CheckRequest(ProvisionalBudget budget, decimal amountRequested, string fieldPrefix = "budget")
    {
        var refusals = new List<Refusal>();
        if (budget.Expenses.Count == 0)
        {
            refusals.Add(Refusal.Invalid(
                "budget.no-expense",
                $"{fieldPrefix}.expenses",
                "Budget prévisionnel complet",
                "Le budget prévisionnel doit comporter au moins une ligne de dépenses."));
        }

        if (budget.Revenues.Count == 0)
        {
            refusals.Add(Refusal.Invalid(
                "budget.no-revenue",
                $"{fieldPrefix}.revenues",
                "Budget prévisionnel complet",
                "Le budget prévisionnel doit comporter au moins une ligne de recettes."));
        }

        var amountRefusals = new List<Refusal>();
        for (var i = 0; i < budget.Expenses.Count; i++)
        {
            var line = budget.Expenses[i];
            refusals.AddRange(CheckLabel(line.Label, $"{fieldPrefix}.expenses[{i}].label", $"la dépense n°{i + 1}"));
            amountRefusals.AddRange(CheckLineAmount(line.Amount, $"{fieldPrefix}.expenses[{i}].amount", $"la dépense n°{i + 1}"));
        }

        for (var i = 0; i < budget.Revenues.Count; i++)
        {
            var line = budget.Revenues[i];
            refusals.AddRange(CheckLabel(line.Funder, $"{fieldPrefix}.revenues[{i}].funder", $"la recette n°{i + 1}"));
            amountRefusals.AddRange(CheckLineAmount(line.Amount, $"{fieldPrefix}.revenues[{i}].amount", $"la recette n°{i + 1}"));
        }

        refusals.AddRange(amountRefusals);
        if (amountRefusals.Count == 0 && budget.Expenses.Count > 0 && budget.Revenues.Count > 0
            && budget.TotalExpenses != budget.TotalRevenues)
        {
            refusals.Add(Refusal.Invalid(
                "budget.unbalanced",
                fieldPrefix,
                "Budget prévisionnel équilibré",
                $"Le budget prévisionnel n'est pas équilibré : dépenses {Money.Format(budget.TotalExpenses)} ≠ recettes {Money.Format(budget.TotalRevenues)}."));
        }

        var ours = budget.Revenues.Where(r => r.FromThisAuthority).ToList();
        if (ours.Count != 1)
        {
            refusals.Add(Refusal.Invalid(
                "budget.authority-line",
                $"{fieldPrefix}.revenues",
                "Une ligne de recettes pour la collectivité",
                $"Le budget prévisionnel doit comporter exactement une ligne de recettes de la collectivité sollicitée ({ours.Count} indiquée(s))."));
        }
        else if (amountRequested != ours[0].Amount)
        {
            refusals.Add(Refusal.Invalid(
                "budget.requested-mismatch",
                "amountRequested",
                "Montant sollicité = recette de la collectivité au budget",
                $"Le montant sollicité ({Money.Format(amountRequested)}) diffère de la recette attendue de la collectivité au budget "
                + $"prévisionnel (« {ours[0].Funder.Trim()} » : {Money.Format(ours[0].Amount)})."));
        }

        return refusals;
    }

    /// <summary>Grant / total budget, exact (not rounded). 9 000 / 15 790 ≈ 0.5700.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The total is not positive or the grant is negative: check the budget first.</exception>
    public static decimal GrantRate(decimal grant, decimal budgetTotal)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetTotal);
        ArgumentOutOfRangeException.ThrowIfNegative(grant);
        return grant / budgetTotal;
    }

    /// <summary>Refusal when committing <paramref name="amount"/> would exceed the budget line's <paramref name="available"/> credits.</summary>
    public static Refusal? CheckCredits(decimal amount, decimal available, string budgetLine) =>
        amount > available
            ? Refusal.Invalid(
                "budget.credits-insufficient",
                "amountVoted",
                "Crédits disponibles sur la ligne budgétaire",
                $"Crédits insuffisants sur la ligne « {budgetLine} » : {Money.Format(amount)} à engager, {Money.Format(available)} disponibles "
                + $"(il manque {Money.Format(amount - available)}).")
            : null;

    /// <summary>Refusal when recording <paramref name="payment"/> would bring payments above the voted amount (plafond non révisable à la hausse).</summary>
    public static Refusal? CheckPaymentCeiling(decimal payment, decimal alreadyPaid, decimal voted, string field) =>
        alreadyPaid + payment > voted
            ? Refusal.Invalid(
                "payment.ceiling",
                field,
                "Plafond non révisable à la hausse",
                $"Le versement de {Money.Format(payment)} porterait le total versé à {Money.Format(alreadyPaid + payment)}, au-delà des "
                + $"{Money.Format(voted)} votés (plafond non révisable à la hausse) ; reste à verser : {Money.Format(Math.Max(0m, voted - alreadyPaid))}.")
            : null;

    /// <summary>
    /// Refusal when <paramref name="payment"/> would bring payments above what the beneficiary asked for in its payment
    /// requests: a payment settles requests received, one or several payments per request, never more than requested.
    /// A payment is made on a liquidated debt and the accountant checks "l'exactitude de la liquidation" (décret
    /// n° 2012-1246 du 7 novembre 2012 relatif à la gestion budgétaire et comptable publique, art. 20 and 31, in force
    /// since 2012, applicable to local authorities by its art. 1); for a grant the debt is liquidated on the beneficiary's
    /// request (CGCT, art. D. 1617-19 and its annex I, rubric 72 "subventions"). To pay more, record the request first.
    /// </summary>
    public static Refusal? CheckPaymentRequested(decimal payment, decimal alreadyPaid, decimal requested, string field) =>
        alreadyPaid + payment > requested
            ? Refusal.Invalid(
                "payment.above-request",
                field,
                "Versement au plus égal aux demandes de paiement reçues",
                $"Le versement de {Money.Format(payment)} porterait le total versé à {Money.Format(alreadyPaid + payment)}, au-delà des "
                + $"{Money.Format(requested)} demandés par le bénéficiaire ; reste à verser sur les demandes reçues : "
                + $"{Money.Format(Math.Max(0m, requested - alreadyPaid))}. Enregistrez d'abord la demande de paiement.")
            : null;

    /// <summary>Pro-rata rule: entitled = min(voted, rate × real eligible costs), rounded to the cent; recovery = paid − entitled when positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative figure: the caller validates amounts first.</exception>
    public static Settlement Settle(decimal voted, decimal rate, decimal realEligibleCosts, decimal paid)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(voted);
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfNegative(realEligibleCosts);
        ArgumentOutOfRangeException.ThrowIfNegative(paid);
        var entitled = Math.Min(voted, Math.Round(rate * realEligibleCosts, 2, MidpointRounding.AwayFromZero));
        var recovery = Math.Max(0m, paid - entitled);
        return new Settlement(realEligibleCosts, rate, entitled, paid, recovery);
    }

    private static IEnumerable<Refusal> CheckLabel(string? label, string field, string line)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            yield return Refusal.Invalid(
                "budget.label",
                field,
                "Libellé de ligne budgétaire",
                $"Le libellé de {line} est vide : chaque ligne du budget prévisionnel est nommée.");
        }
    }

    /// <summary>Positive, in cents, and below <see cref="Money.Maximum"/> (which also keeps the totals from overflowing).</summary>
    private static IEnumerable<Refusal> CheckLineAmount(decimal amount, string field, string line)
    {
        if (amount <= 0m || amount > Money.Maximum || decimal.Round(amount, 2) != amount)
        {
            yield return Refusal.Invalid(
                "budget.amount",
                field,
                "Montant positif, au centime près",
                $"Le montant de {line} ({amount.ToString(FrenchNumbers)}\u00A0€) doit être positif, d'au plus deux décimales "
                + $"et d'au plus {Money.Format(Money.Maximum)}.");
        }
    }
}
