// The vote form: the session, the attendance (names one per line), proxies, interested members, the tally; and,
// before anything is sent, the law's verdict computed here (quorum, voters, outcome wording) with votelaw.js, under the
// rules in force on the session's date (voterules.js) and without quorum on a second convocation.
import { el, replace, todayInParis, focus } from './dom.js';
import { countVote, needsCastingVote } from './votelaw.js';
import { countVoters } from './attendance.js';
import { checkAmount, amountValue } from './money.js';
import { checkText, checkDate } from './text.js';
import { rulesFor, quorumUnder, quorumWording, isSecondConvocation } from './voterules.js';
import { SEED_VOTE } from './seed.js';

const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function field(id, label, input, hint = null) {
  if (hint) input.setAttribute('aria-describedby', `${id}-aide`);
  return el('div', { class: 'field' }, el('label', { for: id }, label), hint ? el('p', { class: 'hint', id: `${id}-aide` }, hint) : null, input);
}

/** The RecordVote form; `submit(body, errors, form, summary)` sends it. */
export function voteForm(action, view, submit) {
  const input = (id, dataField, attrs = {}) => el('input', { type: 'text', id, name: dataField, 'data-field': dataField, autocomplete: 'off', ...attrs });
  const area = (id, dataField) => el('textarea', { id, name: dataField, 'data-field': dataField, rows: '8' });
  const requested = view.request?.amountRequested;

  const c = {
    reportNumber: input('vote-reportNumber', 'reportNumber'),
    rapporteur: input('vote-rapporteur', 'rapporteur'),
    assembly: input('vote-assembly', 'assembly', { value: 'Bureau' }),
    sessionDate: input('vote-sessionDate', 'sessionDate', { type: 'date', value: todayInParis(), class: 'short' }),
    membersInOffice: input('vote-membersInOffice', 'attendance.membersInOffice', { type: 'number', min: '1', class: 'short', inputmode: 'numeric' }),
    present: area('vote-present', 'attendance.present'),
    absent: area('vote-absent', 'attendance.absent'),
    interested: area('vote-interested', 'attendance.interested'),
    secretBallot: el('input', { type: 'checkbox', id: 'vote-secretBallot', name: 'secretBallot', 'data-field': 'secretBallot' }),
    for: input('vote-for', 'tally.for', { type: 'number', min: '0', class: 'short', inputmode: 'numeric' }),
    against: input('vote-against', 'tally.against', { type: 'number', min: '0', class: 'short', inputmode: 'numeric', value: '0' }),
    abstention: input('vote-abstention', 'tally.abstention', { type: 'number', min: '0', class: 'short', inputmode: 'numeric', value: '0' }),
    casting: el('select', { id: 'vote-president', name: 'presidentVotesFor', 'data-field': 'presidentVotesFor' },
      el('option', { value: '' }, '— choisir —'), el('option', { value: 'true' }, 'pour'), el('option', { value: 'false' }, 'contre')),
    president: input('vote-officers-president', 'officers.president'),
    secretary: input('vote-officers-secretary', 'officers.secretary'),
    presidentTookPart: el('input', { type: 'checkbox', id: 'vote-officers-presidentTookPart', name: 'officers.presidentTookPart', 'data-field': 'officers.presidentTookPart', checked: true }),
    amountVoted: input('vote-amountVoted', 'amountVoted', { class: 'amount', inputmode: 'decimal', value: requested === undefined || requested === null ? '' : String(requested).replace('.', ',') }),
  };
  let proxies = [];
  const proxyRows = el('div', { id: 'proxy-rows' });
  const presidentRow = el('div', { id: 'president-vote-row', hidden: true }, field('vote-president', 'Voix prépondérante du président (partage égal des voix)', c.casting,
    'En scrutin public, la voix du président départage : indiquez son vote.'));
  const preview = el('div', { class: 'vote-preview', id: 'vote-preview', 'data-testid': 'vote-preview', 'aria-live': 'polite' });
  const summary = el('div', { class: 'error-summary', id: 'vote-erreurs', tabindex: '-1', role: 'alert', hidden: true });

  function renderProxies() {
    replace(proxyRows, proxies.map((p, i) => el('div', { class: 'proxy-row', 'data-testid': 'proxy-row' },
      field(`proxy-giver-${i}`, `Mandant n°${i + 1} (absent)`, input(`proxy-giver-${i}`, `attendance.proxies[${i}].giver`, { value: p.giver, on: { input: (e) => { p.giver = e.target.value; update(); } } })),
      el('span', { 'aria-hidden': 'true' }, '→'),
      field(`proxy-holder-${i}`, `Mandataire n°${i + 1} (présent)`, input(`proxy-holder-${i}`, `attendance.proxies[${i}].holder`, { value: p.holder, on: { input: (e) => { p.holder = e.target.value; update(); } } })),
      el('button', { type: 'button', class: 'button-danger button-small', id: `remove-proxy-${i}`, on: { click: () => {
        proxies.splice(i, 1);
        renderProxies();
        update();
        focus(document.getElementById(`proxy-giver-${Math.max(0, i - 1)}`) ?? document.getElementById('add-proxy'));
      } } }, `Supprimer la procuration n°${i + 1}`))));
  }

  function read() {
    const president = c.casting.value === '' ? null : c.casting.value === 'true';
    const officers = c.president.value.trim() || c.secretary.value.trim()
      ? { president: c.president.value.trim(), secretary: c.secretary.value.trim(), presidentTookPart: c.presidentTookPart.checked }
      : null;
    return {
      reportNumber: c.reportNumber.value.trim(),
      rapporteur: c.rapporteur.value.trim(),
      assembly: c.assembly.value.trim(),
      sessionDate: c.sessionDate.value,
      attendance: {
        membersInOffice: c.membersInOffice.value === '' ? null : Number(c.membersInOffice.value),
        present: lines(c.present.value),
        absent: lines(c.absent.value),
        proxies: proxies.map((p) => ({ giver: p.giver.trim(), holder: p.holder.trim() })).filter((p) => p.giver || p.holder),
        interested: lines(c.interested.value),
      },
      tally: { for: intOf(c.for.value), against: intOf(c.against.value), abstention: intOf(c.abstention.value) },
      secretBallot: c.secretBallot.checked,
      presidentVotesFor: president,
      officers,
      amountVoted: amountValue(c.amountVoted.value) ?? c.amountVoted.value,
    };
  }

  function update() {
    const body = read();
    const a = body.attendance;
    const tie = needsCastingVote(body.tally, body.secretBallot, body.officers, a);
    presidentRow.hidden = !tie;
    if (!tie) c.casting.value = '';
    const out = [];
    const session = sessionOf(body.sessionDate, body.officers);
    out.push(el('p', { 'data-testid': 'vote-rules' }, `Règles de la séance : ${quorumWording(session.rules)}, ${session.rules.maxProxiesPerHolder === 1 ? 'une procuration' : `${session.rules.maxProxiesPerHolder} procurations`} au plus par membre (${session.rules.source})`));
    if (Number.isInteger(a.membersInOffice) && a.membersInOffice >= 1) {
      const q = quorumUnder(session.rules, a.membersInOffice);
      const counted = a.present.length + (session.rules.proxiesCountTowardsQuorum ? a.proxies.length : 0);
      out.push(el('p', { 'data-testid': 'vote-quorum' }, session.quorumWaived
        ? 'Seconde convocation, au moins trois jours après une séance sans quorum : l’assemblée délibère sans condition de quorum (CGCT, art. L2121-17).'
        : `Quorum : ${q} — ${counted >= q ? 'atteint' : 'non atteint'} (${counted} ${session.rules.proxiesCountTowardsQuorum ? 'présents ou représentés' : `présent${counted > 1 ? 's' : ''}`})`));
      const voters = countVoters(a);
      out.push(el('p', { 'data-testid': 'vote-voters' }, `Votants : ${voters.total} (présents ${voters.present} + procurations ${voters.proxies} − intéressés ${voters.excluded})`));
      const result = countVote(a, body.tally, body.secretBallot, body.presidentVotesFor, session);
      if (result.ok) {
        out.push(el('p', { 'data-testid': 'vote-wording', class: 'outcome' }, `Résultat : ${result.count.wording}`));
      } else {
        out.push(el('p', { class: 'refused' }, 'À corriger avant l’enregistrement :'),
          el('ul', { class: 'refused', 'data-testid': 'vote-problems' }, result.refusals.map((r) => el('li', {}, r.message))));
      }
    } else {
      out.push(el('p', {}, 'Indiquez le nombre de membres en exercice pour calculer le quorum.'));
    }
    replace(preview, el('p', { class: 'banner-title' }, 'Aperçu du décompte'), out);
  }

  function fill(seed) {
    c.reportNumber.value = seed.reportNumber;
    c.rapporteur.value = seed.rapporteur;
    c.assembly.value = seed.assembly;
    c.sessionDate.value = seed.sessionDate;
    c.membersInOffice.value = String(seed.attendance.membersInOffice);
    c.present.value = seed.attendance.present.join('\n');
    c.absent.value = seed.attendance.absent.join('\n');
    c.interested.value = seed.attendance.interested.join('\n');
    proxies = seed.attendance.proxies.map((p) => ({ ...p }));
    c.secretBallot.checked = seed.secretBallot;
    c.for.value = String(seed.tally.for);
    c.against.value = String(seed.tally.against);
    c.abstention.value = String(seed.tally.abstention);
    c.president.value = seed.officers?.president ?? '';
    c.secretary.value = seed.officers?.secretary ?? '';
    c.presidentTookPart.checked = seed.officers?.presidentTookPart ?? true;
    c.amountVoted.value = String(seed.amountVoted).replace('.', ',');
    renderProxies();
    update();
  }

  const form = el('form', { id: 'vote-form', novalidate: true, 'data-command': 'RecordVote' },
    summary,
    el('div', { class: 'actions-row' },
      el('button', { type: 'button', class: 'button-secondary', id: 'fill-session', on: { click: () => fill(SEED_VOTE) } }, 'Remplir avec la séance du 9 juin 2022')),
    el('fieldset', {}, el('legend', {}, 'Séance et rapport'),
      el('div', { class: 'grid' },
        field('vote-assembly', 'Assemblée', c.assembly, 'Bureau, conseil…'),
        field('vote-sessionDate', 'Date de la séance', c.sessionDate),
        field('vote-reportNumber', 'Numéro du rapport', c.reportNumber),
        field('vote-rapporteur', 'Rapporteur', c.rapporteur),
        field('vote-officers-president', 'Président de séance', c.president, 'Un membre présent.'),
        field('vote-officers-secretary', 'Secrétaire de séance', c.secretary, 'Un membre présent.')),
      el('div', { class: 'check' }, c.presidentTookPart, el('label', { for: 'vote-officers-presidentTookPart' }, 'Le président a pris part au vote'))),
    el('fieldset', {}, el('legend', {}, 'Présences'),
      field('vote-membersInOffice', 'Membres en exercice', c.membersInOffice),
      el('div', { class: 'grid' },
        field('vote-present', 'Membres présents', c.present, 'Un nom par ligne.'),
        field('vote-absent', 'Membres absents', c.absent, 'Un nom par ligne.')),
      el('div', { 'data-field': 'attendance.proxies', id: 'proxies-block' },
        el('h3', {}, 'Procurations'),
        el('p', { class: 'hint' }, 'Un membre absent donne procuration à un membre présent ; chacun en détient une au plus (deux sous les régimes dérogatoires de 2020 à 2022).'),
        proxyRows,
        el('button', { type: 'button', class: 'button-secondary button-small', id: 'add-proxy', on: { click: () => {
          proxies.push({ giver: '', holder: '' });
          renderProxies();
          focus(document.getElementById(`proxy-giver-${proxies.length - 1}`));
        } } }, 'Ajouter une procuration')),
      field('vote-interested', 'Conseillers intéressés (ne prennent part ni au débat ni au vote)', c.interested, 'Un nom par ligne.')),
    el('fieldset', { 'data-field': 'tally', id: 'tally-fieldset' }, el('legend', {}, 'Vote'),
      el('div', { class: 'check' }, c.secretBallot, el('label', { for: 'vote-secretBallot' }, 'Scrutin secret')),
      el('div', { class: 'grid' },
        field('vote-for', 'Pour', c.for),
        field('vote-against', 'Contre', c.against),
        field('vote-abstention', 'Abstention', c.abstention)),
      presidentRow),
    preview,
    el('fieldset', {}, el('legend', {}, 'Montant'),
      field('vote-amountVoted', 'Montant voté (€)', c.amountVoted, 'Prérempli avec le montant sollicité.')),
    el('div', { class: 'actions-row' }, el('button', { type: 'submit', id: 'vote-submit', 'data-testid': 'submit-RecordVote' }, 'Enregistrer le vote')));

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = read();
    const errors = [
      checkText(body.reportNumber, 'reportNumber', 100, 'Le numéro du rapport'),
      checkText(body.rapporteur, 'rapporteur', 200, 'Le rapporteur'),
      checkText(body.assembly, 'assembly', 200, 'L’assemblée'),
      checkDate(body.sessionDate, 'sessionDate', 'La date de la séance'),
      checkAmount(c.amountVoted.value, 'amountVoted'),
    ].filter(Boolean);
    const law = countVote(body.attendance, body.tally, body.secretBallot, body.presidentVotesFor, sessionOf(body.sessionDate, body.officers));
    if (!law.ok) errors.push(...law.refusals);
    submit(body, errors, form, summary);
  });

  /** The rules of the session's date, and no quorum when an earlier session without quorum makes this a second convocation. */
  function sessionOf(sessionDate, officers) {
    return { rules: rulesFor(sessionDate), quorumWaived: isSecondConvocation(sessionDate, view.failedSessions), officers };
  }

  renderProxies();
  update();
  return el('details', { class: 'action', id: `action-${action.route}`, 'data-testid': 'action-RecordVote' },
    el('summary', {}, 'Enregistrer le vote'), form);
}

function intOf(text) {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : text.trim() === '' ? 0 : text;
}
