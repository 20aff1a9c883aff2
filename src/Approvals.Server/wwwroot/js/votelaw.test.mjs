// The vote law's shared vectors (tests/vectors/vote-rules.json), read here and by the C# tests (VoteVectorTests):
// the vote form's preview applies the rules of the session's date exactly as the server does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rulesFor, quorumUnder, isSecondConvocation } from './voterules.js';
import { countVote, needsCastingVote } from './votelaw.js';
import { countVoters, normalizeName } from './attendance.js';
import { SEED_VOTE } from './seed.js';

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

// The seed's session: 9 June 2022, under loi n°2021-1465 (a third of the members in office, two proxies).
const SEED_SESSION = { rules: rulesFor(SEED_VOTE.sessionDate), officers: SEED_VOTE.officers };
const clone = (value) => JSON.parse(JSON.stringify(value));
const codes = (refusals) => refusals.map((r) => r.code);

test('names compare without case, accents or civil title', () => {
  assert.equal(normalizeName('M. Benoit VUILLEMIN'), normalizeName('Benoît VUILLEMIN'));
  assert.equal(normalizeName('Mme  Anne   VIGNOT'), 'anne vignot');
  assert.equal(normalizeName('Mme'), 'mme');
});

test('seed vote on 9 June 2022: quorum 11 (a third) reached, 29 voters, adopted unanimously', () => {
  assert.equal(countVoters(SEED_VOTE.attendance).total, 29);
  const result = countVote(SEED_VOTE.attendance, SEED_VOTE.tally, false, null, SEED_SESSION);
  assert.equal(result.ok, true, JSON.stringify(result.refusals));
  assert.deepEqual(result.count, {
    quorum: 11, present: 29, voters: 29, votesCast: 29, outcome: 'Adopted', unanimous: true,
    castingVoteUsed: false, secretBallotTie: false, quorumWaived: false, tieWithoutCastingVote: false,
    rulesSource: 'loi n°2021-1465, art. 10', wording: "adopté à l'unanimité",
  });
});

test('vote: tally must equal voters', () => {
  const result = countVote(SEED_VOTE.attendance, { for: 31, against: 0, abstention: 0 }, false, null, SEED_SESSION);
  assert.deepEqual(codes(result.refusals), ['vote.tally']);
  assert.match(result.refusals[0].message, /29 votants/);
});

test('vote: proxies from a present member, to an absent one, twice to one holder, held by an interested member', () => {
  const attendance = clone(SEED_VOTE.attendance);
  attendance.proxies = [
    { giver: 'M. Yves GUYEN', holder: 'M. Frank LAIDIE' },
    { giver: 'Anne BENEDETTO', holder: 'Aurélien LAROPPE' },
    { giver: 'Denis Jacquin', holder: 'Nathan SOURISSEAU' },
    { giver: 'Aurelien LAROPPE', holder: 'nathan sourisseau' },
  ];
  const ordinary = { rules: rulesFor('2022-08-01'), officers: null };
  const result = countVote(attendance, SEED_VOTE.tally, false, null, ordinary);
  assert.deepEqual(codes(result.refusals), ['vote.proxy-giver-not-absent', 'vote.proxy-holder-not-present', 'vote.proxy-holder-multiple']);
  attendance.proxies = [{ giver: 'Denis JACQUIN', holder: 'Sébastien COUDRY' }];
  assert.deepEqual(codes(countVote(attendance, SEED_VOTE.tally, false, null, SEED_SESSION).refusals), ['vote.proxy-held-by-interested']);
});

test('vote: under the ordinary rules, the quorum counts present members only', () => {
  const attendance = {
    membersInOffice: 32,
    present: SEED_VOTE.attendance.present.slice(0, 16),
    absent: [...SEED_VOTE.attendance.present.slice(16), ...SEED_VOTE.attendance.absent],
    proxies: [],
    interested: [],
  };
  const result = countVote(attendance, { for: 16, against: 0, abstention: 0 }, false, null, { rules: rulesFor('2022-08-01') });
  assert.deepEqual(codes(result.refusals), ['vote.quorum']);
  assert.match(result.refusals[0].message, /16 membres présents, 17 requis sur 32/);
  assert.equal(countVote(attendance, { for: 16, against: 0, abstention: 0 }, false, null, { rules: rulesFor('2022-06-09') }).ok, true);
});

test('vote: a tie needs the casting vote in public, is rejected in secret', () => {
  const tally = { for: 12, against: 12, abstention: 5 };
  assert.equal(needsCastingVote(tally, false), true);
  assert.deepEqual(codes(countVote(SEED_VOTE.attendance, tally, false, null, SEED_SESSION).refusals), ['vote.casting-vote-missing']);
  assert.equal(countVote(SEED_VOTE.attendance, tally, false, true, SEED_SESSION).count.wording, 'adopté avec la voix prépondérante du président');
  assert.equal(countVote(SEED_VOTE.attendance, tally, false, false, SEED_SESSION).count.wording, 'rejeté avec la voix prépondérante du président');
  const secret = countVote(SEED_VOTE.attendance, tally, true, null, SEED_SESSION).count;
  assert.equal(secret.outcome, 'Rejected');
  assert.equal(secret.wording, 'rejeté (partage égal des voix, scrutin secret)');
  assert.equal(countVote(SEED_VOTE.attendance, { for: 20, against: 0, abstention: 9 }, false, null, SEED_SESSION).count.wording, "adopté à l'unanimité des suffrages exprimés");
  assert.equal(countVote(SEED_VOTE.attendance, { for: 20, against: 9, abstention: 0 }, false, null, SEED_SESSION).count.wording, 'adopté à la majorité');
  assert.equal(countVote(SEED_VOTE.attendance, { for: 0, against: 0, abstention: 29 }, false, null, SEED_SESSION).count.wording, 'rejeté');
});
