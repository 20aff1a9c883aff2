// The pages' example (seed.js) is a copy of the demo script's seed 004 dossier (Demo/seed-004.json), the data the
// server tests also read: this check keeps the two from drifting apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SEED_REQUEST, SEED_VOTE } from './seed.js';

const script = JSON.parse(readFileSync(new URL('../../Demo/seed-004.json', import.meta.url), 'utf8'));
const dossier = script.dossiers[0];

test('the example request is the demo dossier request', () => {
  assert.deepEqual(JSON.parse(JSON.stringify(SEED_REQUEST)), dossier.request);
});

test('the example vote is the demo dossier vote, without the credits the server reads from the budget line', () => {
  const { $type, availableCredits, ...vote } = dossier.commands.find((c) => c.command.$type === 'RecordVote').command;
  assert.equal($type, 'RecordVote');
  assert.equal(availableCredits, 510000);
  assert.deepEqual(JSON.parse(JSON.stringify(SEED_VOTE)), vote);
});
