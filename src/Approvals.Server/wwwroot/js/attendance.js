// The attendance sheet as the server checks it (Approvals.Domain: VoteLaw, MemberName): names compared without case,
// accents or title, each member listed once, proxies from absent to present members within the limit of the session's
// rules, interested members neither voting nor holding a proxy, and the quorum of the session's date.
import { refusal } from './refusal.js';
import { quorumUnder, quorumWording } from './voterules.js';

const TITLES = new Set(['m.', 'mme', 'mme.', 'monsieur', 'madame']);

/** MemberName.Normalize: lower case, no accents, no leading civil title, single spaces. */
export function normalizeName(name) {
  const words = String(name ?? '').normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC').toLowerCase()
    .split(/\s+/).filter(Boolean);
  if (words.length > 1 && TITLES.has(words[0])) words.shift();
  return words.join(' ');
}

export const sameName = (a, b) => normalizeName(a) === normalizeName(b);

/** Voters = present members not interested + proxies whose holder and giver are not interested. */
export function countVoters(attendance) {
  const interested = new Set((attendance.interested ?? []).map(normalizeName));
  const present = (attendance.present ?? []).length;
  const interestedPresent = (attendance.present ?? []).filter((p) => interested.has(normalizeName(p))).length;
  const proxies = attendance.proxies ?? [];
  const proxiesCast = proxies.filter((p) => !interested.has(normalizeName(p.giver)) && !interested.has(normalizeName(p.holder))).length;
  const excluded = interestedPresent + (proxies.length - proxiesCast);
  return { present, proxies: proxies.length, excluded, total: present - interestedPresent + proxiesCast };
}

export const blankName = (name, field) => (!normalizeName(name)
  ? refusal('vote.member-name', field, 'Nom de membre', 'Le nom du membre est vide : chaque présent, absent, mandant, mandataire et intéressé est désigné par son nom.')
  : null);
const duplicate = (field, what) => refusal('vote.attendance-duplicate', field, 'Un membre figure une seule fois sur la feuille de présence',
  `${what} : un membre ne figure qu'une fois sur la feuille de présence.`);

/** The attendance's refusals (VoteLaw.CheckAttendance) under `voteRules`, all at once; no quorum on a second convocation. */
export function checkAttendance(attendance, voteRules, quorumWaived = false) {
  const refusals = [];
  const present = new Set();
  const absent = new Set();
  const interested = new Set();
  const list = (key) => attendance[key] ?? [];

  list('present').forEach((name, i) => {
    const field = `attendance.present[${i}]`;
    const blank = blankName(name, field);
    if (blank) refusals.push(blank);
    else if (present.has(normalizeName(name))) refusals.push(duplicate(field, `« ${name.trim()} » figure deux fois parmi les présents`));
    else present.add(normalizeName(name));
  });
  list('absent').forEach((name, i) => {
    const field = `attendance.absent[${i}]`;
    const blank = blankName(name, field);
    const key = normalizeName(name);
    if (blank) refusals.push(blank);
    else if (present.has(key)) refusals.push(duplicate(field, `« ${name.trim()} » figure à la fois parmi les présents et parmi les absents`));
    else if (absent.has(key)) refusals.push(duplicate(field, `« ${name.trim()} » figure deux fois parmi les absents`));
    else absent.add(key);
  });
  list('interested').forEach((name, i) => {
    const field = `attendance.interested[${i}]`;
    const blank = blankName(name, field);
    const key = normalizeName(name);
    if (blank) refusals.push(blank);
    else if (!present.has(key) && !absent.has(key)) {
      refusals.push(refusal('vote.interested-unknown', field, 'Membre intéressé inscrit sur la feuille de présence',
        `« ${name.trim()} » est déclaré intéressé mais ne figure ni parmi les présents ni parmi les absents : un conseiller intéressé est un membre de l'assemblée.`));
    } else if (interested.has(key)) refusals.push(duplicate(field, `« ${name.trim()} » figure deux fois parmi les intéressés`));
    else interested.add(key);
  });

  const inOffice = Number(attendance.membersInOffice);
  const listed = list('present').length + list('absent').length;
  if (listed !== inOffice) {
    refusals.push(refusal('vote.attendance', 'attendance.absent', 'Présents + absents = membres en exercice',
      `Présents et absents ne font pas le nombre de membres en exercice : ${list('present').length} présents + ${list('absent').length} absents = ${listed}, pour ${inOffice} membres en exercice.`));
  }
  const needed = quorumUnder(voteRules, inOffice);
  const counted = present.size + (voteRules.proxiesCountTowardsQuorum ? list('proxies').length : 0);
  if (!quorumWaived && counted < needed) {
    const wording = quorumWording(voteRules);
    refusals.push(refusal('vote.quorum', 'attendance.present', `Quorum : ${wording} (${voteRules.source})`,
      `Quorum non atteint : ${counted} membres ${voteRules.proxiesCountTowardsQuorum ? 'présents ou représentés' : 'présents'}, `
      + `${needed} requis sur ${inOffice} membres en exercice (${wording}, ${voteRules.source}).`));
  }
  refusals.push(...checkProxies(list('proxies'), present, absent, interested, voteRules));
  return refusals;
}

function checkProxies(proxies, present, absent, interested, voteRules) {
  const refusals = [];
  const givers = new Map();
  const holders = new Map();
  proxies.forEach(({ giver, holder }, i) => {
    const giverField = `attendance.proxies[${i}].giver`;
    const holderField = `attendance.proxies[${i}].holder`;
    const blanks = [blankName(giver, giverField), blankName(holder, holderField)].filter(Boolean);
    if (blanks.length) {
      refusals.push(...blanks);
      return;
    }
    const giverKey = normalizeName(giver);
    const holderKey = normalizeName(holder);
    const proxy = `Procuration de « ${giver.trim()} » à « ${holder.trim()} »`;
    if (!absent.has(giverKey)) {
      refusals.push(refusal('vote.proxy-giver-not-absent', giverField, 'Procuration donnée par un membre absent',
        `${proxy} : seul un membre absent donne procuration, et « ${giver.trim()} » n'est pas inscrit parmi les absents.`));
    } else if (givers.has(giverKey)) {
      refusals.push(refusal('vote.proxy-giver-multiple', giverField, 'Une procuration au plus par membre absent',
        `${proxy} : « ${giver.trim()} » a déjà donné procuration à « ${givers.get(giverKey)} » ; un membre absent ne donne qu'une procuration.`));
    } else givers.set(giverKey, holder.trim());

    const held = holders.get(holderKey) ?? [];
    if (!present.has(holderKey)) {
      refusals.push(refusal('vote.proxy-holder-not-present', holderField, 'Procuration détenue par un membre présent',
        `${proxy} : seul un membre présent détient une procuration, et « ${holder.trim()} » n'est pas inscrit parmi les présents.`));
    } else if (interested.has(holderKey)) {
      refusals.push(refusal('vote.proxy-held-by-interested', holderField, 'Un membre intéressé ne vote ni pour lui-même ni par procuration',
        `${proxy} : « ${holder.trim()} » est intéressé à l'affaire et ne prend pas part au vote ; il ne peut exercer cette procuration. Confiez-la à un autre membre présent ou retirez-la.`));
    } else if (held.length >= voteRules.maxProxiesPerHolder) {
      const most = voteRules.maxProxiesPerHolder === 1 ? 'une procuration' : `${voteRules.maxProxiesPerHolder} procurations`;
      refusals.push(refusal('vote.proxy-holder-multiple', holderField, `Au plus ${most} par membre présent (${voteRules.source})`,
        `${proxy} : « ${holder.trim()} » détient déjà la procuration de « ${held.join(' » et « ')} » ; un membre ne détient pas plus de ${most} à la date de la séance.`));
    } else holders.set(holderKey, [...held, giver.trim()]);
  });
  return refusals;
}

