// SIRET and RNA checks of the pages: node --test src/Approvals.Server/wwwroot/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidSiret, checkSiret, isValidRna, checkRna } from './identifiers.js';
import { SEED_REQUEST } from './seed.js';

test('SIRET: Luhn key and La Poste exception', () => {
  assert.equal(isValidSiret('73282932000074'), true);
  assert.equal(isValidSiret('73282932000075'), false);
  assert.equal(isValidSiret('35600000000048'), true, "La Poste's head office passes Luhn");
  assert.equal(isValidSiret('35600000049837'), true, 'La Poste establishment: digit sum 45');
  assert.equal(isValidSiret('35600000049838'), false);
  assert.equal(isValidSiret('7328293200007'), false);
  assert.equal(isValidSiret(' 73282932000074'), false);
  assert.equal(checkSiret('732 829 320 00074').code, 'siret.format');
  assert.equal(checkSiret('73282932000075').code, 'siret.checksum');
  assert.equal(checkSiret(SEED_REQUEST.beneficiary.siret), null);
});

test('RNA: W and nine digits', () => {
  assert.equal(isValidRna('W251004567'), true);
  assert.equal(isValidRna('w251004567'), false);
  assert.equal(isValidRna('W25100456'), false);
  assert.equal(checkRna('X251004567').field, 'beneficiary.rna');
});

test('identifiers: the shared vectors, as the server judges them', async () => {
  const { readFile } = await import('node:fs/promises');
  const vectors = JSON.parse(await readFile(new URL('../../../../tests/vectors/identifiers.json', import.meta.url), 'utf8'));
  for (const { value, code, why } of vectors.siret) assert.equal(checkSiret(value, 'beneficiary.siret')?.code ?? null, code, `${value}: ${why}`);
  for (const { value, code, why } of vectors.rna) assert.equal(checkRna(value, 'beneficiary.rna')?.code ?? null, code, `${value}: ${why}`);
});
