// One dossier: its summary, its payment schedule, the timeline picture, the actions allowed now (each a small form),
// the documents and the register of events with its integrity check. Every successful command re-renders from the
// DossierView the server returns.
import { el, replace, euros, percent, frenchDate, frenchInstant, queryParam, todayInParis, focus } from './dom.js';
import { request, get } from './api.js';
import { initLayout, reportError, clearBanner } from './layout.js';
import { showErrors, clearErrors } from './forms.js';
import { stageBadge, ROLES, COMMANDS } from './labels.js';
import { timelineSvg, timelineText } from './timeline.js';
import { scheduleSection } from './schedule.js';
import { actionForm } from './actions.js';
import { voteForm } from './vote.js';
import { uploadWidget, documentList } from './upload.js';

const id = queryParam('id');
const root = document.getElementById('dossier');
let me = null;
let etag = null;

start();

async function start() {
  const mePromise = initLayout('dossiers');
  if (!id) {
    replace(root, el('p', {}, 'Aucun dossier indiqué. ', el('a', { href: 'index.html' }, 'Choisir un dossier dans la liste.')));
    root.removeAttribute('aria-busy');
    return;
  }
  me = await mePromise;
  await load();
}

async function load() {
  try {
    const response = await request(`/api/dossiers/${encodeURIComponent(id)}`);
    etag = response.etag;
    render(response.data);
  } catch (error) {
    replace(root, el('p', { class: 'notice' }, 'Le dossier ne peut pas être affiché.'));
    root.removeAttribute('aria-busy');
    reportError(error);
  }
}

function render(view) {
  // The server's date decides what is overdue (it runs the clock), the browser's only when it is absent.
  const today = view.today ?? todayInParis();
  document.title = `Dossier ${view.number} — Approvals — Subventions`;
  replace(root,
    el('h1', { id: 'dossier-title' }, 'Dossier ', el('span', { 'data-testid': 'dossier-number', id: 'dossier-number' }, view.number), ' ', stageBadge(view.stage, view.stageLabel)),
    summarySection(view),
    scheduleSection(view.instalments),
    el('section', { 'aria-labelledby': 'timeline-heading', id: 'timeline' },
      el('h2', { id: 'timeline-heading' }, 'Frise du dossier'),
      el('figure', { class: 'timeline-figure' }, timelineSvg(view, today),
        el('figcaption', { class: 'visually-hidden' }, 'Les étapes et les échéances sont détaillées dans les listes ci-dessous.')),
      timelineText(view, today)),
    actionsSection(view),
    documentsSection(view),
    registerSection(view));
  root.removeAttribute('aria-busy');
}

function item(label, value, testid = null) {
  return el('div', {}, el('dt', {}, label), el('dd', { 'data-testid': testid }, value ?? '—'));
}

function summarySection(view) {
  const r = view.request ?? {};
  const b = r.beneficiary ?? {};
  const a = view.amounts ?? {};
  const line = r.budgetLine;
  const count = view.vote?.count;
  return el('section', { 'aria-labelledby': 'summary-heading', id: 'summary' },
    el('h2', { id: 'summary-heading', class: 'visually-hidden' }, 'Résumé'),
    el('dl', { class: 'summary' },
      item('Bénéficiaire', [b.name, b.siret ? ` — SIRET ${b.siret}` : '', b.rna ? ` — RNA ${b.rna}` : ''].join(''), 'beneficiary'),
      item('Objet', r.object, 'object'),
      item('Étape', view.stageLabel, 'stage-label'),
      item('Montant demandé', euros(a.requested ?? r.amountRequested), 'amount-requested'),
      item('Montant voté', euros(a.voted), 'amount-voted'),
      item('Montant versé', euros(a.paid), 'amount-paid'),
      item('Montant reversé', euros(a.recovered), 'amount-recovered'),
      item('Taux de subvention', a.grantRate === null || a.grantRate === undefined ? '—' : percent(a.grantRate), 'grant-rate'),
      item('Ligne budgétaire', line ? `${line.year} — ${line.code} — ${line.label}` : '—', 'budget-line'),
      item('Période des actions', r.actionsStart ? `du ${frenchDate(r.actionsStart)} au ${frenchDate(r.actionsEnd)}` : '—'),
      item('Identifiant ACTES', view.actesId ? el('span', { class: 'mono' }, view.actesId) : '—', 'actes-id'),
      item("Contrat d'engagement républicain", r.republicanCommitment
        ? `signé le ${frenchDate(r.republicanCommitment.signedOn)} par ${r.republicanCommitment.signatory}`
        : (b.kind === 'Association' || b.kind === 'Foundation' || (!b.kind && b.rna) ? 'non fourni : la subvention ne peut pas être votée' : 'sans objet'), 'republican-commitment'),
      view.acknowledgedOn ? item('Reçu en préfecture le', frenchDate(view.acknowledgedOn)) : null,
      legalityItems(view.legality),
      view.notifiedOn ? item('Notifiée le', frenchDate(view.notifiedOn)) : null,
      view.paymentWindowLastDay ? item('Fin du délai de demande de paiement', frenchDate(view.paymentWindowLastDay)) : null,
      count ? item('Décision', el('span', { class: count.outcome === 'Adopted' ? 'outcome' : 'outcome outcome-rejected' }, count.wording), 'vote-outcome') : null,
      view.vote ? item('Séance', `${frenchDate(view.vote.sessionDate)} — rapport n°${view.vote.reportNumber}${count ? ` (pour ${view.vote.tally?.for ?? '—'}, contre ${view.vote.tally?.against ?? '—'}, abstention ${view.vote.tally?.abstention ?? '—'} ; quorum ${count.quorum}, ${count.present} présents, ${count.voters} votants)` : ''}`, 'vote-session') : null,
      view.vote?.officers ? item('Présidence et secrétariat de séance',
        `${view.vote.officers.president}${view.vote.officers.presidentTookPart === false ? " (n'a pas pris part au vote)" : ''} ; secrétaire : ${view.vote.officers.secretary}`, 'vote-officers') : null,
      count?.rulesSource ? item('Règles de quorum appliquées', count.quorumWaived ? `seconde convocation, sans quorum (${count.rulesSource})` : count.rulesSource, 'vote-rules') : null,
      view.clock ? item('Orchestration', clockText(view.clock), 'clock-status') : null,
      view.settlement ? item('Solde', `${euros(view.settlement.entitled)} dus sur ${euros(view.settlement.realEligibleCosts)} de dépenses réelles ; à reverser : ${euros(view.settlement.recovery)}`, 'settlement') : null));
}

/** What the dossier's durable clock waits for, as its custom status says, and its state in the engine. */
function clockText(clock) {
  if (clock.runtimeStatus === 'Missing') return 'aucune orchestration pour ce dossier';
  return `${clock.text ?? 'sans statut'} (orchestration ${clock.runtimeStatusLabel}${clock.lastUpdatedAt ? `, mise à jour le ${frenchInstant(clock.lastUpdatedAt)}` : ''})`;
}

/** The legality control: the prefect's window, safety from a déféré, enforceability, a referral and its outcome. */
function legalityItems(legality) {
  if (!legality) return null;
  const parts = [];
  if (legality.enforceableOn) parts.push(item('Exécutoire le', frenchDate(legality.enforceableOn), 'enforceable-on'));
  if (legality.safeFromReferralSince) parts.push(item('À l\'abri d\'un déféré depuis le', frenchDate(legality.safeFromReferralSince), 'safe-from-referral'));
  else if (legality.referralWindowLastDay && !legality.referral) parts.push(item('Délai de déféré du préfet jusqu\'au', frenchDate(legality.referralWindowLastDay), 'referral-window'));
  if (legality.referral) {
    const outcome = legality.courtDecision ? (legality.courtDecision.annulled ? ' — annulé le ' : ' — déféré rejeté le ') + frenchDate(legality.courtDecision.decidedOn)
      : legality.suspension ? ` — suspendu par le juge le ${frenchDate(legality.suspension.orderedOn)}` : ' — l\'acte reste exécutoire';
    parts.push(item('Déféré', `${frenchDate(legality.referral.lodgedOn)}${legality.referral.suspensionRequested ? ', avec demande de suspension' : ''}${outcome}`, 'referral'));
  }
  return parts;
}

function capitalize(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

function actionsSection(view) {
  const actions = view.allowedActions ?? [];
  const mine = actions.filter((a) => !me || !a.roles?.length || a.roles.includes(me.role));
  const others = actions.filter((a) => !mine.includes(a));
  const send = (action) => (body, errors, form, summary) => submitCommand(action, body, errors, form, summary);
  return el('section', { 'aria-labelledby': 'actions-heading', id: 'actions' },
    el('h2', { id: 'actions-heading' }, 'Actions possibles'),
    mine.length
      ? el('div', { id: 'action-list' }, mine.map((a) => (a.command === 'RecordVote' ? voteForm(a, view, send(a)) : actionForm(a, view, send(a)))))
      : el('p', { class: 'notice', id: 'no-action' }, actions.length ? 'Aucune action ne relève de votre rôle à cette étape.' : 'Aucune action possible à cette étape.'),
    others.length
      ? el('p', { class: 'hint', id: 'other-actions' }, 'Relèvent d’autres rôles : ',
        others.map((a) => `${a.label ?? COMMANDS[a.command]} (${(a.roles ?? []).map((r) => ROLES[r] ?? r).join(', ')})`).join(' ; '), '.')
      : null);
}

async function submitCommand(action, body, errors, form, summary) {
  clearBanner();
  if (errors.length) {
    showErrors(form, errors, { summary });
    return;
  }
  clearErrors(form, summary);
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const response = await request(`/api/dossiers/${encodeURIComponent(id)}/${action.route}`, { method: 'POST', json: body, ifMatch: etag });
    etag = response.etag ?? etag;
    if (response.data && typeof response.data === 'object' && response.data.dossierId) render(response.data);
    else await load();
    const success = document.getElementById('succes');
    replace(success, el('p', {}, `Action enregistrée : ${action.label ?? COMMANDS[action.command]}.`));
    success.hidden = false;
    focus(success);
  } catch (error) {
    button.disabled = false;
    if (error.status === 0) {
      reportError(error);
      showErrors(form, [{ field: null, message: 'Le serveur ne répond pas : rien n’a été enregistré. Réessayez ; le même envoi ne sera pas compté deux fois.' }], { summary });
      return;
    }
    const list = error.errors.length ? error.errors : [{ field: null, message: [error.title, error.detail].filter(Boolean).join(' — ') }];
    showErrors(form, list, { summary, title: error.status === 409 ? 'Action impossible en l’état du dossier' : 'Le serveur a refusé cette action' });
    if (error.status === 409) {
      summary.appendChild(el('p', {}, el('button', { type: 'button', class: 'button-secondary button-small', on: { click: () => load() } }, 'Recharger le dossier')));
    }
  }
}

function documentsSection(view) {
  const slot = el('div', { id: 'documents-slot' }, documentList(view.dossierId ?? id, view.documents));
  return el('section', { 'aria-labelledby': 'documents-heading', id: 'documents' },
    el('h2', { id: 'documents-heading' }, 'Documents'),
    slot,
    uploadWidget(view.dossierId ?? id, () => refreshAfterUpload()),
    generatedFiles(view.dossierId ?? id));
}

/** The draft convention and the archive, made by the server from the dossier as it stands. */
function generatedFiles(dossierId) {
  const base = `/api/dossiers/${encodeURIComponent(dossierId)}`;
  return el('div', { id: 'generated-files' },
    el('h3', {}, 'Documents produits par l’application'),
    el('ul', { class: 'plain-list' },
      el('li', {}, el('a', { href: `${base}/convention.docx`, id: 'convention-docx', download: true }, 'Projet de convention (Word, modifiable)')),
      el('li', {}, el('a', { href: `${base}/convention.pdf`, id: 'convention-pdf', download: true }, 'Projet de convention (PDF)')),
      el('li', {}, el('a', { href: `${base}/archive.zip`, id: 'dossier-archive', download: true }, 'Archive du dossier (ZIP : documents, registre, empreintes SHA-256)'))));
}

async function refreshAfterUpload() {
  try {
    const response = await request(`/api/dossiers/${encodeURIComponent(id)}`);
    etag = response.etag;
    replace(document.getElementById('documents-slot'), documentList(response.data.dossierId ?? id, response.data.documents));
    replace(document.getElementById('register-slot'), registerTable(response.data.register));
  } catch (error) {
    reportError(error);
  }
}

function registerTable(register) {
  if (!register?.length) return el('p', { class: 'notice' }, 'Le registre est vide.');
  return el('div', { class: 'table-wrap' }, el('table', { id: 'register-table', 'data-testid': 'register-table' },
    el('caption', { class: 'visually-hidden' }, 'Registre des événements du dossier'),
    el('thead', {}, el('tr', {}, ['N°', 'Date', 'Événement', 'Auteur', 'Empreinte'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, register.map((e) => el('tr', { 'data-testid': 'register-row' },
      el('td', { class: 'num' }, String(e.sequence)),
      el('td', {}, frenchInstant(e.at)),
      el('td', {}, e.summary),
      el('td', {}, e.actor),
      el('td', { class: 'mono', title: e.hash }, e.hash ? `${e.hash.slice(0, 12)}…` : '—'))))));
}

function registerSection(view) {
  const result = el('p', { id: 'register-verification', 'data-testid': 'register-verification', role: 'status', 'aria-live': 'polite' });
  const button = el('button', { type: 'button', class: 'button-secondary', id: 'verify-register', on: { click: async () => {
    button.disabled = true;
    result.className = '';
    result.textContent = 'Vérification en cours…';
    try {
      const check = await get(`/api/dossiers/${encodeURIComponent(id)}/register/verify`);
      if (check.valid) {
        result.className = 'balanced';
        result.textContent = `Registre intègre : ${check.events} événement${check.events > 1 ? 's' : ''} vérifié${check.events > 1 ? 's' : ''}, chaîne d’empreintes SHA-256 continue.`;
      } else {
        result.className = 'unbalanced';
        result.textContent = `Registre altéré à partir de l’événement n°${check.firstBrokenSequence ?? '?'}${check.problem ? ` : ${check.problem}` : ''}.`;
      }
    } catch (error) {
      result.className = 'unbalanced';
      result.textContent = error.status === 0 ? 'Le serveur ne répond pas : la vérification n’a pas pu être faite.' : `La vérification a échoué : ${error.detail || error.title}`;
    } finally {
      button.disabled = false;
    }
  } } }, 'Vérifier l’intégrité du registre');
  return el('section', { 'aria-labelledby': 'register-heading', id: 'register' },
    el('h2', { id: 'register-heading' }, 'Registre des événements'),
    el('div', { id: 'register-slot' }, registerTable(view.register)),
    el('div', { class: 'actions-row' }, button),
    result);
}
