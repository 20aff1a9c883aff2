// The vote law as the server applies it (Approvals.Domain: VoteLaw), under the rules of the session's date
// (voterules.js): attendance, proxies, interested members, officers, tally, outcome. Shared vectors:
// tests/vectors/vote-rules.json.
import { refusal } from './refusal.js';
import { quorumUnder } from './voterules.js';
import { blankName, checkAttendance, countVoters, sameName } from './attendance.js';

/** The president and the secretary (CGCT L2121-14, L2121-15) are members present at the session. */
function checkOfficers(officers, attendance) {
  if (!officers) return [];
  return [[officers.president, 'officers.president', 'Le président de séance'], [officers.secretary, 'officers.secretary', 'Le secrétaire de séance']]
    .map(([name, field, label]) => blankName(name, field)
      ?? ((attendance.present ?? []).some((p) => sameName(p, name))
        ? null
        : refusal('vote.officer-not-present', field, 'Président et secrétaire de séance parmi les présents', `${label} « ${name.trim()} » ne figure pas parmi les membres présents.`)))
    .filter(Boolean);
}

/** The president has no casting vote when taking no part in the vote, of their own accord or as an interested member. */
function presidentVotes(officers, attendance) {
  return !officers || (officers.presidentTookPart !== false && !(attendance.interested ?? []).some((i) => sameName(i, officers.president)));
}

/** VoteCount.Wording. */
export function voteWording({ adopted, unanimous, castingVoteUsed, secretBallotTie, tieWithoutCastingVote, abstentions }) {
  if (adopted) {
    if (castingVoteUsed) return 'adopté avec la voix prépondérante du président';
    if (unanimous && abstentions === 0) return "adopté à l'unanimité";
    if (unanimous) return "adopté à l'unanimité des suffrages exprimés";
    return 'adopté à la majorité';
  }
  if (secretBallotTie) return 'rejeté (partage égal des voix, scrutin secret)';
  if (tieWithoutCastingVote) return "rejeté (partage égal des voix, le président n'ayant pas pris part au vote)";
  if (castingVoteUsed) return 'rejeté avec la voix prépondérante du président';
  return 'rejeté';
}

/**
 * VoteLaw.Count under the rules of the session's date: { ok: true, count } or { ok: false, refusals }.
 * `session` = { rules (from rulesFor), quorumWaived (second convocation), officers ({ president, secretary,
 * presidentTookPart }) or null }. count = { quorum, present, voters, votesCast, outcome ('Adopted' | 'Rejected'),
 * unanimous, castingVoteUsed, secretBallotTie, quorumWaived, tieWithoutCastingVote, rulesSource, wording }.
 */
export function countVote(attendance, tally, secretBallot, presidentVotesFor, { rules: voteRules, quorumWaived = false, officers = null }) {
  const inOffice = Number(attendance.membersInOffice);
  if (!Number.isInteger(inOffice) || inOffice < 1) {
    return { ok: false, refusals: [refusal('vote.members-in-office', 'attendance.membersInOffice', 'Membres en exercice', `Le nombre de membres en exercice doit être d'au moins 1 (${attendance.membersInOffice ?? ''} indiqué).`)] };
  }
  const refusals = [...checkAttendance(attendance, voteRules, quorumWaived), ...checkOfficers(officers, attendance)];
  for (const [key, label] of [['for', 'pour'], ['against', 'contre'], ['abstention', 'abstention']]) {
    const value = Number(tally[key]);
    if (!Number.isInteger(value) || value < 0) {
      refusals.push(refusal('vote.tally-negative', `tally.${key}`, 'Décompte positif ou nul', `Le décompte ne peut pas être négatif : ${label} ${tally[key] ?? ''}.`));
    }
  }
  if (refusals.length) return { ok: false, refusals };

  const voters = countVoters(attendance);
  const [pour, contre, abstention] = [Number(tally.for), Number(tally.against), Number(tally.abstention)];
  const counted = pour + contre + abstention;
  if (counted !== voters.total) {
    return {
      ok: false,
      refusals: [refusal('vote.tally', 'tally', 'Pour + contre + abstention = votants',
        `Le décompte (pour ${pour} + contre ${contre} + abstention ${abstention} = ${counted}) ne correspond pas aux ${voters.total} votants (présents ${voters.present} + procurations ${voters.proxies} − intéressés ${voters.excluded}).`)],
    };
  }

  const votes = presidentVotes(officers, attendance);
  const castingGiven = presidentVotesFor !== null && presidentVotesFor !== undefined;
  const votesCast = pour + contre;
  const tie = votesCast > 0 && pour === contre;
  if (tie && !votes && castingGiven) {
    return {
      ok: false,
      refusals: [refusal('vote.casting-vote-without-president', 'presidentVotesFor', 'Pas de voix prépondérante sans vote du président',
        "Le président n'a pas pris part au vote : il n'a pas de voix prépondérante, et le partage égal des voix vaut rejet.")],
    };
  }
  if (tie && !secretBallot && votes && !castingGiven) {
    return {
      ok: false,
      refusals: [refusal('vote.casting-vote-missing', 'presidentVotesFor', 'Voix prépondérante du président',
        `Partage égal des voix (pour ${pour}, contre ${contre}) en scrutin public : la voix du président est prépondérante ; indiquez s'il a voté pour ou contre.`)],
    };
  }
  const castingVoteUsed = tie && !secretBallot && votes;
  const adopted = pour > contre || (castingVoteUsed && presidentVotesFor === true);
  const count = {
    quorum: quorumWaived ? 0 : quorumUnder(voteRules, inOffice),
    present: voters.present,
    voters: voters.total,
    votesCast,
    outcome: adopted ? 'Adopted' : 'Rejected',
    unanimous: adopted && pour > 0 && contre === 0,
    castingVoteUsed,
    secretBallotTie: tie && Boolean(secretBallot),
    quorumWaived,
    tieWithoutCastingVote: tie && !secretBallot && !votes,
    rulesSource: voteRules.source,
  };
  count.wording = voteWording({ ...count, adopted, abstentions: voters.total - votesCast });
  return { ok: true, count };
}

/** Whether the president's casting vote must be asked for: a tie of cast votes in a public ballot the president took part in. */
export function needsCastingVote(tally, secretBallot, officers = null, attendance = {}) {
  const pour = Number(tally.for);
  const contre = Number(tally.against);
  return !secretBallot && pour > 0 && pour === contre && presidentVotes(officers, attendance);
}
