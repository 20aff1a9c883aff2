// The vote rules in force on a session's date, as Approvals.Domain's VoteRuleBook sets them (the texts and their
// periods are cited there and in docs/rules.md). Both read tests/vectors/vote-rules.json in their tests, so the page's
// preview and the server cannot disagree on which rules a date gets.

const rules = (quorumDenominator, proxiesCountTowardsQuorum, maxProxiesPerHolder, source) =>
  Object.freeze({ quorumDenominator, proxiesCountTowardsQuorum, maxProxiesPerHolder, source });

/** CGCT L2121-17 and L2121-20: a majority of the members in office present, one proxy per member. */
export const ORDINARY = rules(2, false, 1, 'CGCT, art. L2121-17 et L2121-20');

/** The 2020–2022 derogations, bounds inclusive (ISO dates compare as text). */
const DEROGATIONS = Object.freeze([
  ['2020-03-24', '2020-04-01', rules(3, false, 2, 'loi n°2020-290, art. 10')],
  ['2020-04-02', '2020-07-10', rules(3, true, 2, "loi n°2020-290, art. 10, rédaction de l'ordonnance n°2020-391")],
  ['2020-07-11', '2020-08-30', rules(3, false, 2, 'loi n°2020-290, art. 10, rédaction de la loi n°2020-760')],
  ['2020-11-15', '2021-09-30', rules(3, false, 2, 'loi n°2020-1379, art. 6, prorogé par la loi n°2021-689')],
  ['2021-11-12', '2022-07-31', rules(3, false, 2, 'loi n°2021-1465, art. 10')],
]);

/** The rules in force on `sessionDate` ("yyyy-MM-dd"); the ordinary rules when the date is missing. */
export function rulesFor(sessionDate) {
  const date = typeof sessionDate === 'string' ? sessionDate : '';
  return DEROGATIONS.find(([from, to]) => from <= date && date <= to)?.[2] ?? ORDINARY;
}

/** Members who must be there: more than half (32 → 17), or at least a third (32 → 11). */
export function quorumUnder(voteRules, membersInOffice) {
  return voteRules.quorumDenominator === 2
    ? Math.floor(membersInOffice / 2) + 1
    : Math.ceil(membersInOffice / voteRules.quorumDenominator);
}

/** The French wording of the quorum rule, for refusals. */
export function quorumWording(voteRules) {
  return `${voteRules.quorumDenominator === 2 ? 'majorité' : 'tiers'} des membres en exercice `
    + (voteRules.proxiesCountTowardsQuorum ? 'présents ou représentés' : 'présents, procurations non comptées');
}

/** CGCT L2121-17: a session at least three days after one without quorum deliberates without quorum. */
export function isSecondConvocation(sessionDate, failedSessions) {
  if (typeof sessionDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(sessionDate)) return false;
  const day = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  return (failedSessions ?? []).some((f) => day(sessionDate) >= day(f.sessionDate) + 3);
}
