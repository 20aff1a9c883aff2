// The vote law's shared vectors (tests/vectors/vote-rules.json), read here and by the C# tests (VoteVectorTests):
// the vote form's preview applies the rules of the session's date exactly as the server does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rulesFor, quorumUnder, isSecondConvocation } from './voterules.js';
import { countVote } from './checks.js';

const vectors = JSON.parse(readFileSync(new URL('../../../../tests/vectors/vote-rules.json', import.meta.url), 'utf8'));

for (const vector of vectors.rulesByDate) {
  test(`rules on ${vector.sessionDate}: ${vector.why}`, () => {
    const rules = rulesFor(vector.sessionDate);
    assert.equal(rules.source, vector.source);
    assert.equal(quorumUnder(rules, 32), vector.quorumOf32);
    assert.equal(rules.proxiesCountTowardsQuorum, vector.proxiesCountTowardsQuorum);
    assert.equal(rules.maxProxiesPerHolder, vector.maxProxiesPerHolder);
  });
}

for (const vector of vectors.votes) {
  test(`vote: ${vector.name}`, () => {
    const session = {
      rules: rulesFor(vector.sessionDate),
      quorumWaived: isSecondConvocation(vector.sessionDate, vector.failedSessions.map((sessionDate) => ({ sessionDate }))),
      officers: vector.officers,
    };
    const result = countVote(vector.attendance, vector.tally, vector.secretBallot, vector.presidentVotesFor, session);
    if (vector.expected.refusals) {
      assert.equal(result.ok, false);
      assert.deepEqual(result.refusals.map(({ code, field }) => ({ code, field })), vector.expected.refusals);
      return;
    }
    assert.equal(result.ok, true, JSON.stringify(result.refusals));
    const { quorum, voters, outcome, quorumWaived, rulesSource, wording } = result.count;
    assert.deepEqual({ quorum, voters, outcome, quorumWaived, rulesSource, wording }, vector.expected.count);
  });
}
