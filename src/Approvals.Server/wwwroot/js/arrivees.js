// The agents' inbox of portal requests (GET /api/portal-inbox): the documents still missing and the check before
// instruction, which a case officer records (POST /api/portal-inbox/{id}/check: complete, or documents missing).
import { el, replace, euros, frenchInstant } from './dom.js';
import { post } from './api.js';
import { initLayout, loadList, reportError } from './layout.js';

const root = document.getElementById('inbox');
const status = document.getElementById('status');
const user = await initLayout('arrivees');
load();

function load() {
  return loadList(root, '/api/portal-inbox', (items) => render(items ?? []));
}

function render(items) {
  if (!items.length) {
    replace(root, el('p', { class: 'notice', 'data-testid': 'empty-state' }, 'Aucune demande reçue par le portail.'));
    return;
  }
  const canCheck = user?.role === 'CaseOfficer';
  replace(root, el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', { class: 'visually-hidden' }, 'Demandes reçues par le portail'),
    el('thead', {}, el('tr', {}, ['Reçue le', 'Dossier', 'Association', 'Objet', 'Montant demandé', 'Pièces manquantes', 'Vérification', ''].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, items.map((item) => el('tr', { 'data-testid': 'inbox-row' },
      el('td', {}, frenchInstant(item.submittedAt)),
      el('td', {}, el('a', { href: `dossier.html?id=${encodeURIComponent(item.dossierId)}` }, item.number)),
      el('td', {}, item.beneficiaryName, el('br'), el('span', { class: 'hint' }, item.address)),
      el('td', {}, item.title),
      el('td', {}, euros(item.amountRequested)),
      el('td', {}, item.missingDocuments.length ? item.missingDocuments.join(', ') : 'aucune'),
      el('td', { 'data-testid': 'inbox-status' }, item.status, item.check?.note ? [el('br'), el('span', { class: 'hint' }, item.check.note)] : null),
      el('td', {}, canCheck ? [checkForm(item), item.status === 'pièces demandées' ? null : requestForm(item)] : el('span', { class: 'hint' }, 'agent instructeur'))))))));
}

/** The request for documents (the RequestDocuments command): the kinds asked for and a message, e-mailed to the applicant. */
function requestForm(item) {
  const prefix = `request-${item.dossierId}`;
  const kinds = { Statutes: 'statuts', BankDetails: 'RIB', ApprovedAccounts: 'derniers comptes approuvés', ActivityReport: 'rapport d’activité' };
  const boxes = Object.keys(kinds).map((kind) => el('input', { type: 'checkbox', id: `${prefix}-${kind}`, value: kind }));
  const message = el('textarea', { id: `${prefix}-message`, maxlength: '2000' });
  return el('details', { 'data-testid': 'inbox-request' },
    el('summary', {}, 'Demander des pièces'),
    el('form', { class: 'inline-form', novalidate: true, on: { submit: (event) => {
      event.preventDefault();
      ask(item, boxes.filter((b) => b.checked).map((b) => b.value), message.value.trim());
    } } },
      el('fieldset', {}, el('legend', {}, `Pièces à demander pour ${item.number}`),
        Object.entries(kinds).map(([kind, label], i) => el('div', { class: 'check' }, boxes[i], el('label', { for: `${prefix}-${kind}` }, label)))),
      el('label', { for: `${prefix}-message` }, 'Message au demandeur'), message,
      el('button', { type: 'submit', class: 'button-small', 'data-testid': 'inbox-request-submit' }, 'Envoyer la demande')));
}

async function ask(item, documents, message) {
  try {
    await post(`/api/dossiers/${encodeURIComponent(item.dossierId)}/documents-request`, { documents, message });
    status.textContent = `Demande de pièces envoyée pour la demande ${item.number}.`;
  } catch (error) {
    reportError(error, 'La demande de pièces n’a pas été envoyée');
  }
  load();
}

function checkForm(item) {
  const prefix = `check-${item.dossierId}`;
  const outcome = el('select', { id: `${prefix}-outcome` },
    el('option', { value: 'Complete' }, 'complète'), el('option', { value: 'DocumentsMissing' }, 'pièces manquantes'));
  const note = el('input', { type: 'text', id: `${prefix}-note`, value: item.check?.note ?? '' });
  return el('form', { class: 'inline-form', novalidate: true, on: { submit: (event) => { event.preventDefault(); record(item, outcome.value, note.value); } } },
    el('label', { for: `${prefix}-outcome` }, `Résultat pour ${item.number}`), outcome,
    el('label', { for: `${prefix}-note` }, 'Note'), note,
    el('button', { type: 'submit', class: 'button-small', 'data-testid': 'inbox-check' }, 'Enregistrer'));
}

async function record(item, outcome, note) {
  try {
    await post(`/api/portal-inbox/${encodeURIComponent(item.dossierId)}/check`, { outcome, note });
    status.textContent = `Vérification de la demande ${item.number} enregistrée.`;
  } catch (error) {
    reportError(error, 'La vérification n’a pas été enregistrée');
  }
  load();
}
