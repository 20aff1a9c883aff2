// The provisional budget as the server checks it (Approvals.Domain: BudgetRules.CheckRequest): lines named and valid,
// the budget balanced, the amount requested equal to this authority's revenue line. Shared vectors:
// tests/vectors/budgets.json.
import { refusal } from './refusal.js';
import { parseAmount, centsText, MAXIMUM_CENTS } from './money.js';

/** Totals of a provisional budget in cents; null when a line's amount cannot be read. */
export function budgetTotals(budget) {
  const sum = (lines) => lines.reduce((total, line) => {
    const parsed = parseAmount(line.amount);
    return total === null || parsed.error ? null : total + parsed.cents;
  }, 0);
  const expenses = sum(budget.expenses ?? []);
  const revenues = sum(budget.revenues ?? []);
  const ours = (budget.revenues ?? []).filter((r) => r.fromThisAuthority);
  const authority = ours.length === 1 ? parseAmount(ours[0].amount).cents ?? null : null;
  return {
    expenses,
    revenues,
    balanced: expenses !== null && revenues !== null && expenses === revenues && expenses > 0,
    authority,
    rate: authority !== null && expenses ? authority / expenses : null,
  };
}

/** BudgetRules.CheckRequest: lines named and valid, the budget balanced, the amount requested = this authority's line. */
export function checkBudget(budget, amountRequested, prefix = 'budget') {
  const expenses = budget.expenses ?? [];
  const revenues = budget.revenues ?? [];
  const refusals = [];
  if (expenses.length === 0) refusals.push(refusal('budget.no-expense', `${prefix}.expenses`, 'Budget prévisionnel complet', 'Le budget prévisionnel doit comporter au moins une ligne de dépenses.'));
  if (revenues.length === 0) refusals.push(refusal('budget.no-revenue', `${prefix}.revenues`, 'Budget prévisionnel complet', 'Le budget prévisionnel doit comporter au moins une ligne de recettes.'));

  const amountRefusals = [];
  const lineChecks = (lines, kind, labelKey, name) => lines.forEach((line, i) => {
    if (!String(line[labelKey] ?? '').trim()) {
      refusals.push(refusal('budget.label', `${prefix}.${kind}[${i}].${labelKey}`, 'Libellé de ligne budgétaire',
        `Le libellé de ${name} n°${i + 1} est vide : chaque ligne du budget prévisionnel est nommée.`));
    }
    const parsed = parseAmount(line.amount);
    if (parsed.error || parsed.cents <= 0 || parsed.cents > MAXIMUM_CENTS) {
      amountRefusals.push(refusal('budget.amount', `${prefix}.${kind}[${i}].amount`, 'Montant positif, au centime près',
        `Le montant de ${name} n°${i + 1} (${line.amount ?? ''} €) doit être positif, d'au plus deux décimales et d'au plus 1 000 000 000,00 €.`));
    }
  });
  lineChecks(expenses, 'expenses', 'label', 'la dépense');
  lineChecks(revenues, 'revenues', 'funder', 'la recette');
  refusals.push(...amountRefusals);

  const totals = budgetTotals(budget);
  if (amountRefusals.length === 0 && expenses.length > 0 && revenues.length > 0 && totals.expenses !== totals.revenues) {
    refusals.push(refusal('budget.unbalanced', prefix, 'Budget prévisionnel équilibré',
      `Le budget prévisionnel n'est pas équilibré : dépenses ${centsText(totals.expenses)} ≠ recettes ${centsText(totals.revenues)}.`));
  }

  const ours = revenues.filter((r) => r.fromThisAuthority);
  if (ours.length !== 1) {
    refusals.push(refusal('budget.authority-line', `${prefix}.revenues`, 'Une ligne de recettes pour la collectivité',
      `Le budget prévisionnel doit comporter exactement une ligne de recettes de la collectivité sollicitée (${ours.length} indiquée(s)).`));
  } else {
    const requested = parseAmount(amountRequested);
    const line = parseAmount(ours[0].amount);
    if (!requested.error && !line.error && requested.cents !== line.cents) {
      refusals.push(refusal('budget.requested-mismatch', 'amountRequested', 'Montant sollicité = recette de la collectivité au budget',
        `Le montant sollicité (${centsText(requested.cents)}) diffère de la recette attendue de la collectivité au budget prévisionnel (« ${String(ours[0].funder ?? '').trim()} » : ${centsText(line.cents)}).`));
    }
  }
  return refusals;
}
