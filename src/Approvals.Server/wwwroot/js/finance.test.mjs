// Tests of the budget and programme pages' helpers: node --test src/Approvals.Server/wwwroot/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetLineRequest, programmeRequest, fundersFrom, period } from './finance.js';

const fields = (errors) => errors.map((e) => e.field).sort();

test('budget line: the seed line gives its route and body', () => {
  const request = budgetLineRequest({ year: '2022', code: ' 65-23-6574 ', label: 'Enseignement supérieur', voted: '510 000' });
  assert.deepEqual(request.errors, []);
  assert.equal(request.path, '/api/budget-lines/2022/65-23-6574');
  assert.deepEqual(request.body, { label: 'Enseignement supérieur', voted: 510000 });
});

test('budget line: every wrong field is named', () => {
  const request = budgetLineRequest({ year: '22', code: '6574', label: ' ', voted: '12,345' });
  assert.deepEqual(fields(request.errors), ['code', 'label', 'voted', 'year']);
  assert.equal(budgetLineRequest({ year: '2022', code: '204-20422', label: 'x', voted: '0' }).errors.length, 0);
});

test('programme: seed 000 with two phases and three funders', () => {
  const request = programmeRequest({
    id: 'cnam-montbeliard-2021-2024',
    name: 'Antenne du Cnam au Pays de Montbéliard',
    totalBudget: '786 000',
    phases: [{ label: 'Espace AIOA au Mattern Lab', firstYear: '2021', lastYear: '2022' }, { label: 'Portes du Jura', firstYear: '2023', lastYear: '2024' }],
    funders: 'Pays de Montbéliard Agglomération\nCnam Bourgogne-Franche-Comté\n\nBanque des Territoires / CdC',
  });
  assert.deepEqual(request.errors, []);
  assert.equal(request.body.totalBudget, 786000);
  assert.deepEqual(request.body.funders, ['Pays de Montbéliard Agglomération', 'Cnam Bourgogne-Franche-Comté', 'Banque des Territoires / CdC']);
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
