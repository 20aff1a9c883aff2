// Tests of the dossier page's payment schedule cells: node --test src/Approvals.Server/wwwroot/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { instalmentCells } from './schedule.js';

// Intl's French output uses no-break spaces: compare with ordinary ones.
const plain = (cells) => cells.map((c) => c.replace(/[\u00A0\u202F]/g, ' '));

test('the seed instalment: the whole 9 000 € at signature, due from the signature, paid', () => {
  const cells = instalmentCells({ label: '100 % à la signature de la convention', percent: 100, trigger: 'AtSignature', amount: 9000, dueOn: '2022-06-29', status: 'Paid' });
  assert.deepEqual(plain(cells), ['100 % à la signature de la convention', '100 %', '9 000,00 €', 'à la signature', '29/06/2022', 'versé']);
});

test('an instalment whose event has not happened is expected, with no date yet', () => {
  const cells = instalmentCells({ label: 'Solde', percent: 33.33, trigger: 'OnFinalReport', amount: 13332, dueOn: null, status: 'Expected' });
  assert.deepEqual(plain(cells), ['Solde', '33,33 %', '13 332,00 €', 'sur compte rendu final', 'à venir', 'attendu']);
});

test('every trigger and status reads in French', () => {
  const row = (trigger, status) => instalmentCells({ label: 'x', percent: 50, trigger, amount: 1, dueOn: '2023-01-05', status });
  assert.equal(row('OnPaymentRequest', 'Due')[3], 'sur demande de paiement');
  assert.equal(row('OnPaymentRequest', 'Due')[5], 'dû');
  assert.equal(row('OnProgress', 'Due')[3], "selon l'avancement");
  assert.equal(row('OnProgress', 'Due')[4], '05/01/2023');
});
