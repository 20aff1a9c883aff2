// The provisional budget and the payment terms, on the seed's figures: node --test src/Approvals.Server/wwwroot/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetTotals, checkBudget } from './budgetrules.js';
import { checkPaymentTerms } from './paymentterms.js';
import { SEED_REQUEST } from './seed.js';

const clone = (value) => JSON.parse(JSON.stringify(value));
const codes = (refusals) => refusals.map((r) => r.code);

test('seed budget balances at 15 790 € and the grant rate is 57 %', () => {
  const totals = budgetTotals(SEED_REQUEST.budget);
  assert.equal(totals.expenses, 1579000);
  assert.equal(totals.revenues, 1579000);
  assert.equal(totals.balanced, true);
  assert.equal(totals.authority, 900000);
  assert.equal(Math.round(totals.rate * 100), 57);
  assert.deepEqual(checkBudget(SEED_REQUEST.budget, 9000), []);
});

test('budget: unbalanced, wrong requested amount, authority line missing', () => {
  const budget = clone(SEED_REQUEST.budget);
  budget.expenses[2].amount = 7000;
  const unbalanced = checkBudget(budget, 9000);
  assert.deepEqual(codes(unbalanced), ['budget.unbalanced']);
  assert.match(unbalanced[0].message, /15\s890,00\s€ ≠ recettes 15\s790,00\s€/);
  assert.deepEqual(codes(checkBudget(SEED_REQUEST.budget, 9500)), ['budget.requested-mismatch']);
  const none = clone(SEED_REQUEST.budget);
  none.revenues[1].fromThisAuthority = false;
  assert.deepEqual(codes(checkBudget(none, 9000)), ['budget.authority-line']);
  const bad = clone(SEED_REQUEST.budget);
  bad.expenses[2].amount = '12,345';
  const refusals = checkBudget(bad, 9000);
  assert.deepEqual(codes(refusals), ['budget.amount']);
  assert.equal(refusals[0].field, 'budget.expenses[2].amount');
});

test('payment terms total 100 %', () => {
  assert.deepEqual(checkPaymentTerms(SEED_REQUEST.paymentTerms), []);
  assert.deepEqual(codes(checkPaymentTerms([
    { label: 'Avance', percent: 50, trigger: 'AtSignature' },
    { label: 'Solde', percent: 40, trigger: 'OnFinalReport' },
  ])), ['paymentTerms.total']);
  assert.deepEqual(codes(checkPaymentTerms([])), ['paymentTerms.required']);
});

test('budgets: the shared vectors, as the server judges them', async () => {
  const { readFile } = await import('node:fs/promises');
  const vectors = JSON.parse(await readFile(new URL('../../../../tests/vectors/budgets.json', import.meta.url), 'utf8'));
  for (const { name, budget, amountRequested, expected } of vectors.budgets) {
    assert.deepEqual(checkBudget(budget, amountRequested).map(({ code, field }) => ({ code, field })), expected, name);
  }
});
