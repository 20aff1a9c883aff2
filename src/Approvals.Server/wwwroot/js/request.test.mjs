// The grant request's checks, on the seed's request: node --test src/Approvals.Server/wwwroot/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRequest } from './request.js';
import { checkEmail } from './text.js';
import { SEED_REQUEST } from './seed.js';

const clone = (value) => JSON.parse(JSON.stringify(value));

test('the seed request passes; faults are reported with their fields', () => {
  assert.deepEqual(checkRequest(SEED_REQUEST, '2022-06-01'), []);
  const faulty = clone(SEED_REQUEST);
  faulty.receivedOn = '2022-07-01';
  faulty.actionsEnd = '2021-12-31';
  faulty.amountRequested = 30000;
  faulty.budget.revenues[1].amount = 30000;
  faulty.budget.expenses[0].amount = 23472;
  faulty.convention.hasConvention = false;
  faulty.beneficiary.name = '<script>alert(1)</script>';
  const fields = checkRequest(faulty, '2022-06-01').map((r) => r.field);
  assert.deepEqual(fields.sort(), ['actionsEnd', 'beneficiary.name', 'convention.hasConvention', 'receivedOn'].sort());
});

test('E-mail addresses: the shared vectors, as the server judges them', async () => {
  const { readFile } = await import('node:fs/promises');
  const vectors = JSON.parse(await readFile(new URL('../../../../tests/vectors/email-addresses.json', import.meta.url), 'utf8'));
  for (const address of vectors.accepted) assert.equal(checkEmail(address, 'beneficiary.email', "L'adresse du bénéficiaire"), null, address);
  for (const address of vectors.refused) {
    const refusal = checkEmail(address, 'beneficiary.email', "L'adresse du bénéficiaire");
    assert.equal(refusal?.code, 'email.format', address);
    assert.match(refusal.message, /beneficiary\.email/);
  }
});
