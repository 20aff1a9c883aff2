// Client-side checks mirroring the server's rules (Approvals.Domain: Siret, Rna, Money, BudgetRules, RequestRules,
// VoteLaw), so that the form answers while the agent types. The server checks again and has the last word.
// Every check returns refusals { code, field, rule, message } like the API's problem details.
// Money is counted in integer cents, never in floating-point euros.

import { quorumUnder, quorumWording } from './voterules.js';

const refusal = (code, field, rule, message) => ({ code, field, rule, message });

export const MAXIMUM_CENTS = 1_000_000_000 * 100;
export const CONVENTION_COMPULSORY_ABOVE_CENTS = 23_000 * 100;

const eurosFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** 900000 → "9 000,00 €". */
export function centsText(cents) {
  return eurosFormat.format(cents / 100);
}

/**
 * Reads an amount typed the French way ("9 000,50", "9000.5") or given as a number. Returns { cents } or
 * { error: 'empty' | 'format' | 'precision' }.
 */
export function parseAmount(value) {
  if (value === null || value === undefined) return { error: 'empty' };
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  text = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (text === '') return { error: 'empty' };
  if (/e/i.test(text)) {
    const n = Number(text);
    if (!Number.isFinite(n)) return { error: 'format' };
    text = n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  }
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return { error: 'format' };
  const decimals = (match[3] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { error: 'precision' };
  const cents = Number(match[2]) * 100 + Number(decimals.padEnd(2, '0') || '0');
  return { cents: match[1] ? -cents : cents };
}

/** The amount as a JSON number of euros (exact to the cent), or null when it cannot be read. */
export function amountValue(value) {
  const parsed = parseAmount(value);
  return parsed.error ? null : parsed.cents / 100;
}

/** Money.Check: positive (or zero when allowed), two decimals at most, at most one billion euros. */
export function checkAmount(value, field, { allowZero = false } = {}) {
  const parsed = parseAmount(value);
  if (parsed.error === 'empty') return refusal('amount.required', field, 'Montant obligatoire', 'Indiquez un montant en euros.');
  if (parsed.error === 'format') {
    return refusal('amount.format', field, 'Montant en euros', `« ${value} » n'est pas un montant : écrivez par exemple 9 000 ou 9 000,50.`);
  }
  if (parsed.error === 'precision') {
    return refusal('amount.precision', field, 'Deux décimales au plus', `Le montant ${value} € a plus de deux décimales : les montants s'expriment en euros et centimes.`);
  }
  const { cents } = parsed;
  if (cents < 0) return refusal('amount.negative', field, 'Montant positif', `Le montant ${centsText(cents)} est négatif : un montant ne peut pas être inférieur à zéro.`);
  if (cents === 0 && !allowZero) return refusal('amount.zero', field, 'Montant non nul', `Le montant ${centsText(0)} est nul : indiquez un montant supérieur à zéro.`);
  if (cents > MAXIMUM_CENTS) {
    return refusal('amount.too-large', field, 'Montant plafonné à 1 000 000 000 €', `Le montant ${centsText(cents)} dépasse le plafond de 1 000 000 000 €.`);
  }
  return null;
}

function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(i) - 48;
    if ((digits.length - 1 - i) % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const LA_POSTE_SIREN = '356000000';

/** SIREN: 9 digits passing the Luhn check. */
export function isValidSiren(value) {
  return typeof value === 'string' && /^\d{9}$/.test(value) && luhn(value);
}

/** SIRET: 14 digits with a Luhn check (and a valid SIREN); La Poste's establishments: digit sum multiple of 5. */
export function isValidSiret(value) {
  if (typeof value !== 'string' || !/^\d{14}$/.test(value)) return false;
  if (luhn(value)) return isValidSiren(value.slice(0, 9));
  const sum = [...value].reduce((total, c) => total + Number(c), 0);
  return value.startsWith(LA_POSTE_SIREN) && sum % 5 === 0;
}

export function checkSiret(value, field = 'beneficiary.siret') {
  if (typeof value !== 'string' || !/^\d{14}$/.test(value)) {
    return refusal('siret.format', field, 'Un SIRET compte 14 chiffres', !value
      ? 'Le numéro SIRET est absent : il compte 14 chiffres, sans espace.'
      : `Le numéro SIRET « ${value} » doit compter exactement 14 chiffres, sans espace ni autre caractère.`);
  }
  return isValidSiret(value) ? null : refusal('siret.checksum', field, 'Clé de contrôle SIRET (algorithme de Luhn)',
    `Le numéro SIRET « ${value} » est erroné : sa clé de contrôle ne correspond pas (vérifiez les chiffres saisis).`);
}

export function isValidRna(value) {
  return typeof value === 'string' && /^W\d{9}$/.test(value);
}

export function checkRna(value, field = 'beneficiary.rna') {
  return isValidRna(value) ? null : refusal('rna.format', field, 'Numéro RNA : W suivi de 9 chiffres', !value
    ? 'Le numéro RNA est absent : il s\'écrit W suivi de 9 chiffres (par exemple W251002345).'
    : `Le numéro RNA « ${value} » n'a pas la forme attendue : W majuscule suivi de 9 chiffres (par exemple W251002345).`);
}

/** Totals of a provisional budget in cents; null when a line's amount cannot be read. */
export function budgetTotals(budget) {
  const sum = (lines) => lines.reduce((total, line) => {
    const parsed = parseAmount(line.amount);
    return total === null || parsed.error ? null : total + parsed.cents;
  }, 0);
  const expenses = sum(budget.expenses ?? []);
  const revenues = sum(budget.revenues ?? []);
  const ours = (budget.revenues ?? []).filter((r) => r.fromThisAuthority);
  const authority = ours.length === 1 ? parseAmount(ours[0].amount).cents ?? null : null;
  return {
    expenses,
    revenues,
    balanced: expenses !== null && revenues !== null && expenses === revenues && expenses > 0,
    authority,
    rate: authority !== null && expenses ? authority / expenses : null,
  };
}

/** BudgetRules.CheckRequest: lines named and valid, the budget balanced, the amount requested = this authority's line. */
export function checkBudget(budget, amountRequested, prefix = 'budget') {
  const expenses = budget.expenses ?? [];
  const revenues = budget.revenues ?? [];
  const refusals = [];
  if (expenses.length === 0) refusals.push(refusal('budget.no-expense', `${prefix}.expenses`, 'Budget prévisionnel complet', 'Le budget prévisionnel doit comporter au moins une ligne de dépenses.'));
  if (revenues.length === 0) refusals.push(refusal('budget.no-revenue', `${prefix}.revenues`, 'Budget prévisionnel complet', 'Le budget prévisionnel doit comporter au moins une ligne de recettes.'));

  const amountRefusals = [];
  const lineChecks = (lines, kind, labelKey, name) => lines.forEach((line, i) => {
    if (!String(line[labelKey] ?? '').trim()) {
      refusals.push(refusal('budget.label', `${prefix}.${kind}[${i}].${labelKey}`, 'Libellé de ligne budgétaire',
        `Le libellé de ${name} n°${i + 1} est vide : chaque ligne du budget prévisionnel est nommée.`));
    }
    const parsed = parseAmount(line.amount);
    if (parsed.error || parsed.cents <= 0 || parsed.cents > MAXIMUM_CENTS) {
      amountRefusals.push(refusal('budget.amount', `${prefix}.${kind}[${i}].amount`, 'Montant positif, au centime près',
        `Le montant de ${name} n°${i + 1} (${line.amount ?? ''} €) doit être positif, d'au plus deux décimales et d'au plus 1 000 000 000,00 €.`));
    }
  });
  lineChecks(expenses, 'expenses', 'label', 'la dépense');
  lineChecks(revenues, 'revenues', 'funder', 'la recette');
  refusals.push(...amountRefusals);

  const totals = budgetTotals(budget);
  if (amountRefusals.length === 0 && expenses.length > 0 && revenues.length > 0 && totals.expenses !== totals.revenues) {
    refusals.push(refusal('budget.unbalanced', prefix, 'Budget prévisionnel équilibré',
      `Le budget prévisionnel n'est pas équilibré : dépenses ${centsText(totals.expenses)} ≠ recettes ${centsText(totals.revenues)}.`));
  }

  const ours = revenues.filter((r) => r.fromThisAuthority);
  if (ours.length !== 1) {
    refusals.push(refusal('budget.authority-line', `${prefix}.revenues`, 'Une ligne de recettes pour la collectivité',
      `Le budget prévisionnel doit comporter exactement une ligne de recettes de la collectivité sollicitée (${ours.length} indiquée(s)).`));
  } else {
    const requested = parseAmount(amountRequested);
    const line = parseAmount(ours[0].amount);
    if (!requested.error && !line.error && requested.cents !== line.cents) {
      refusals.push(refusal('budget.requested-mismatch', 'amountRequested', 'Montant sollicité = recette de la collectivité au budget',
        `Le montant sollicité (${centsText(requested.cents)}) diffère de la recette attendue de la collectivité au budget prévisionnel (« ${String(ours[0].funder ?? '').trim()} » : ${centsText(line.cents)}).`));
    }
  }
  return refusals;
}

/** Payment terms: at least one, each labelled and between 0 and 100 %, totalling exactly 100 %. */
export function checkPaymentTerms(terms) {
  if (!terms?.length) return [refusal('paymentTerms.required', 'paymentTerms', 'Modalités de versement', 'Indiquez au moins une échéance de versement.')];
  const refusals = [];
  let totalHundredths = 0;
  let readable = true;
  terms.forEach((term, i) => {
    const text = checkText(term.label, `paymentTerms[${i}].label`, 200, "Le libellé de l'échéance");
    if (text) refusals.push(text);
    const parsed = parseAmount(term.percent);
    if (parsed.error || parsed.cents <= 0 || parsed.cents > 10000) {
      readable = readable && !parsed.error;
      refusals.push(refusal('paymentTerms.percent', `paymentTerms[${i}].percent`, 'Part entre 0 et 100 %',
        `La part ${term.percent ?? ''} % n'est pas comprise entre 0 et 100 %.`));
    }
    if (!parsed.error) totalHundredths += parsed.cents;
  });
  if (readable && totalHundredths !== 10000) {
    refusals.push(refusal('paymentTerms.total', 'paymentTerms', 'Versements totalisant 100 %',
      `Les échéances totalisent ${(totalHundredths / 100).toLocaleString('fr-FR')} % au lieu de 100 %.`));
  }
  return refusals;
}

/** Sum of the payment terms' percents (for the live total). */
export function paymentTermsTotal(terms) {
  return (terms ?? []).reduce((total, term) => total + (parseAmount(term.percent).cents ?? 0), 0) / 100;
}

export function checkText(value, field, maxLength, label) {
  const text = value ?? '';
  if (!String(text).trim()) return refusal('text.required', field, 'Champ obligatoire', `${label} est obligatoire.`);
  if (text.length > maxLength) return refusal('text.too-long', field, 'Longueur maximale', `${label} dépasse ${maxLength} caractères (${text.length}).`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return refusal('text.control-character', field, 'Caractères de contrôle interdits', `${label} contient des caractères de contrôle.`);
  return null;
}

/** A person's or an organisation's name: text without < > or line breaks. */
export function checkName(value, field, label) {
  return checkText(value, field, 200, label) ?? (/[<>\n\r\t]/.test(value)
    ? refusal('name.characters', field, 'Caractères interdits dans un nom', `${label} ne peut pas contenir les caractères < > ni de retour à la ligne.`)
    : null);
}

/** The server's address rule (EmailAddresses.cs): what both mailers (MimeKit, SendGrid) take as it is. */
const EMAIL = /^[A-Za-z0-9_%+'-]+(\.[A-Za-z0-9_%+'-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function checkEmail(value, field, label) {
  if (typeof value === 'string' && value.length <= 254 && EMAIL.test(value)) return null;
  const message = typeof value !== 'string' || !value.trim()
    ? `${label} (${field}) est obligatoire.`
    : `${label} (${field}) « ${value.length > 60 ? `${value.slice(0, 60)}…` : value} » n'est pas une adresse que la messagerie peut utiliser : `
      + "écrivez-la sous la forme nom@domaine.fr, avec avant l'arobase seulement des lettres sans accent, des chiffres et . _ % + - ' "
      + "(un point ni au début, ni à la fin, ni deux de suite), sans espace, virgule, point-virgule, deux-points ni parenthèses.";
  return refusal('email.format', field, 'Adresse électronique acceptée par la messagerie', message);
}

const isDate = (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
const showDate = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function checkDate(value, field, label) {
  return isDate(value) ? null : refusal('date.required', field, 'Date obligatoire', `${label} est obligatoire (jour/mois/année).`);
}

/** Order of acts: `later` cannot precede `earlier` (ISO dates compare as text). */
export function checkDateOrder(earlier, later, field, code, rule, message) {
  return isDate(earlier) && isDate(later) && later < earlier ? refusal(code, field, rule, message) : null;
}

/** RequestRules.Check: every refusal of a grant request at once. `today` is the Paris date "yyyy-MM-dd". */
export function checkRequest(request, today) {
  const b = request.beneficiary ?? {};
  const c = request.convention ?? {};
  const line = request.budgetLine ?? {};
  const refusals = [
    checkDate(request.receivedOn, 'receivedOn', 'La date de réception de la demande')
      ?? (today && request.receivedOn > today
        ? refusal('date.future', 'receivedOn', 'Date non future', `La date de réception de la demande (${showDate(request.receivedOn)}) ne peut pas être dans le futur.`)
        : null),
    checkName(b.name, 'beneficiary.name', 'Le nom du bénéficiaire'),
    !b.siret && !b.rna ? refusal('beneficiary.identifier', 'beneficiary.siret', 'SIRET ou RNA obligatoire', 'Indiquez le SIRET ou le numéro RNA du bénéficiaire.') : null,
    b.siret ? checkSiret(b.siret, 'beneficiary.siret') : null,
    b.rna ? checkRna(b.rna, 'beneficiary.rna') : null,
    checkName(b.representative, 'beneficiary.representative', 'Le représentant légal'),
    checkEmail(b.email, 'beneficiary.email', "L'adresse du bénéficiaire"),
    checkText(request.object, 'object', 2000, "L'objet de la demande"),
    checkDate(request.actionsStart, 'actionsStart', 'Le début des actions'),
    checkDate(request.actionsEnd, 'actionsEnd', 'La fin des actions')
      ?? checkDateOrder(request.actionsStart, request.actionsEnd, 'actionsEnd', 'period.order', 'Période des actions', 'La fin des actions précède leur début.'),
    checkAmount(request.amountRequested, 'amountRequested'),
    !Number.isInteger(Number(line.year)) || line.year === '' || Number(line.year) < 2000 || Number(line.year) > 2100
      ? refusal('budgetLine.year', 'budgetLine.year', 'Exercice budgétaire', `L'exercice ${line.year ?? ''} n'est pas plausible.`)
      : null,
    checkText(line.code, 'budgetLine.code', 40, 'Le code de la ligne budgétaire'),
    checkText(line.label, 'budgetLine.label', 200, 'Le libellé de la ligne budgétaire'),
    checkEmail(request.caseOfficerEmail, 'caseOfficerEmail', "L'adresse de l'agent instructeur"),
    ...checkBudget(request.budget ?? {}, request.amountRequested),
    ...checkPaymentTerms(request.paymentTerms),
    ...checkConvention(request, c),
  ];
  return refusals.filter(Boolean);
}

function checkConvention(request, c) {
  const requested = parseAmount(request.amountRequested);
  const months = Number(c.paymentWindowMonths);
  return [
    !requested.error && requested.cents > CONVENTION_COMPULSORY_ABOVE_CENTS && !c.hasConvention
      ? refusal('convention.compulsory', 'convention.hasConvention', 'Convention obligatoire au-delà de 23 000 € (loi n°2000-321, art. 10)',
        `Une subvention de ${centsText(requested.cents)} exige une convention écrite (au-delà de ${centsText(CONVENTION_COMPULSORY_ABOVE_CENTS)}).`)
      : null,
    !Number.isInteger(months) || months < 1 || months > 12
      ? refusal('convention.paymentWindow', 'convention.paymentWindowMonths', 'Délai de demande de paiement', 'Le délai de demande de paiement doit être compris entre 1 et 12 mois.')
      : null,
    c.reportDueDate ? checkDateOrder(request.actionsStart, c.reportDueDate, 'convention.reportDueDate', 'convention.reportDue', 'Compte rendu après le début des actions', 'La date du compte rendu précède le début des actions.') : null,
    c.endDate ? checkDateOrder(request.actionsStart, c.endDate, 'convention.endDate', 'convention.end', 'Fin de convention après le début des actions', 'La fin de la convention précède le début des actions.') : null,
  ];
}

// ---- The vote (VoteLaw), under the rules of the session's date (voterules.js) ----

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

const blankName = (name, field) => (!normalizeName(name)
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
