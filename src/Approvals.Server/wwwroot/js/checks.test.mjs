// Tests of the client-side checks against the seed's real figures: node --test src/Approvals.Server/wwwroot/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isValidSiret, checkSiret, isValidRna, checkRna, parseAmount, checkAmount, budgetTotals, checkBudget,
  checkPaymentTerms, checkRequest, normalizeName, countVoters, countVote, needsCastingVote, checkEmail,
} from './checks.js';
import { rulesFor } from './voterules.js';
import { SEED_REQUEST, SEED_VOTE } from './seed.js';

const clone = (value) => JSON.parse(JSON.stringify(value));
const codes = (refusals) => refusals.map((r) => r.code);
// The seed's session: 9 June 2022, under loi n°2021-1465 (a third of the members in office, two proxies).
const SEED_SESSION = { rules: rulesFor(SEED_VOTE.sessionDate), officers: SEED_VOTE.officers };

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

test('deadlines: overdue first, then by week starting on Monday', async () => {
  const { weekStart, groupDeadlines } = await import('./deadlines.js');
  assert.equal(weekStart('2022-09-01'), '2022-08-29');
  assert.equal(weekStart('2022-09-05'), '2022-09-05');
  assert.equal(weekStart('2022-09-11'), '2022-09-05');
  const groups = groupDeadlines([
    { day: '2022-09-06', overdue: false },
    { day: '2022-09-01', overdue: false },
    { day: '2022-08-01', overdue: true },
    { day: '2022-09-11', overdue: false },
  ]);
  assert.deepEqual(groups.map((g) => g.title), ['En retard', 'Semaine du 29/08/2022', 'Semaine du 05/09/2022']);
  assert.deepEqual(groups[2].items.map((d) => d.day), ['2022-09-06', '2022-09-11']);
});

test('field paths fall back to their parents', async () => {
  const { parentPath } = await import('./forms.js');
  assert.equal(parentPath('budget.expenses[2].amount'), 'budget.expenses[2]');
  assert.equal(parentPath('budget.expenses[2]'), 'budget.expenses');
  assert.equal(parentPath('attendance.present[3]'), 'attendance.present');
  assert.equal(parentPath('tally'), '');
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
