// Tests of the budget and programme pages' helpers: node --test src/Approvals.Server/wwwroot/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetLineRequest, programmeRequest, fundersFrom, period } from './finance.js';
// The seeds' one copy: the demo scripts (seed 004's budget line, seed 000's programme).
import seed004 from '../../Demo/seed-004.json' with { type: 'json' };
import seed000 from '../../Demo/seed-000.json' with { type: 'json' };

const [seedLine] = seed004.budgetLines;
const [seedProgramme] = seed000.programmes;
// As a person types an amount: French digit grouping (a narrow no-break space).
const typed = (amount) => amount.toLocaleString('fr-FR');

const fields = (errors) => errors.map((e) => e.field).sort();

test('budget line: the seed line gives its route and body', () => {
  const request = budgetLineRequest({
    year: String(seedLine.year), code: ` ${seedLine.code} `, label: seedLine.label, voted: typed(seedLine.voted),
  });
  assert.deepEqual(request.errors, []);
  assert.equal(request.path, `/api/budget-lines/${seedLine.year}/${seedLine.code}`);
  assert.deepEqual(request.body, { label: seedLine.label, voted: seedLine.voted });
});

test('budget line: every wrong field is named', () => {
  const request = budgetLineRequest({ year: '22', code: '6574', label: ' ', voted: '12,345' });
  assert.deepEqual(fields(request.errors), ['code', 'label', 'voted', 'year']);
  assert.equal(budgetLineRequest({ year: '2022', code: '204-20422', label: 'x', voted: '0' }).errors.length, 0);
});

test('programme: seed 000 as typed in the form, with illustrative co-funders on separate lines', () => {
  const coFunders = ['Cnam Bourgogne-Franche-Comté', 'Banque des Territoires / CdC'];
  const request = programmeRequest({
    id: seedProgramme.id,
    name: seedProgramme.name,
    totalBudget: typed(seedProgramme.totalBudget),
    phases: seedProgramme.phases.map((p) => ({ label: p.label, firstYear: String(p.firstYear), lastYear: String(p.lastYear) })),
    funders: [...seedProgramme.funders, '', ...coFunders].join('\n'),
  });
  assert.deepEqual(request.errors, []);
  assert.equal(request.body.totalBudget, seedProgramme.totalBudget);
  assert.deepEqual(request.body.funders, [...seedProgramme.funders, ...coFunders]);
  assert.equal(period(request.body.phases), '2021-2024');
});

test('programme: id, order of years, amount and funders are checked', () => {
  const request = programmeRequest({
    id: 'Cnam 2021', name: '', totalBudget: '10,001', phases: [{ label: 'A', firstYear: '2023', lastYear: '2022' }], funders: ' ; ',
  });
  assert.deepEqual(fields(request.errors), ['funders', 'id', 'name', 'phases[0].lastYear', 'totalBudget']);
  assert.deepEqual(fields(programmeRequest({ id: 'abc', name: 'x', totalBudget: '0', phases: [], funders: 'x' }).errors), ['phases']);
});

test('funders and period', () => {
  assert.deepEqual(fundersFrom('A; B\nC'), ['A', 'B', 'C']);
  assert.equal(period([]), '—');
  assert.equal(period([{ firstYear: 2022, lastYear: 2022 }]), '2022');
});
