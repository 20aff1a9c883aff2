// Amounts typed the French way, counted in cents: node --test src/Approvals.Server/wwwroot/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount, checkAmount } from './money.js';

test('amounts: French typing, two decimals, ceiling', () => {
  assert.deepEqual(parseAmount('9 000,50'), { cents: 900050 });
  assert.deepEqual(parseAmount(2472), { cents: 247200 });
  assert.deepEqual(parseAmount('0.1'), { cents: 10 });
  assert.equal(parseAmount('1,005').error, 'precision');
  assert.equal(checkAmount('-1', 'x').code, 'amount.negative');
  assert.equal(checkAmount('0', 'x').code, 'amount.zero');
  assert.equal(checkAmount('0', 'x', { allowZero: true }), null);
  assert.equal(checkAmount('1000000000,01', 'x').code, 'amount.too-large');
  assert.equal(checkAmount('1000000000', 'x'), null);
});

test('amounts: the shared vectors, as the server judges them', async () => {
  const { readFile } = await import('node:fs/promises');
  const vectors = JSON.parse(await readFile(new URL('../../../../tests/vectors/amounts.json', import.meta.url), 'utf8'));
  for (const { amount, allowZero, code } of vectors.amounts) {
    assert.equal(checkAmount(amount, 'amount', { allowZero })?.code ?? null, code, `${amount} (allowZero ${allowZero})`);
  }
});
