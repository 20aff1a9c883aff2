// Following one request: its stage, what happened and what is due in the beneficiary's words, the acknowledgment of
// receipt (PDF), the documents sent and the upload of the missing ones with a progress bar (XMLHttpRequest reports
// upload progress; fetch does not).
import { el, replace, euros, frenchDate, frenchInstant, queryParam } from '../../js/dom.js';
import { ORIGIN_HEADER, newKey, toError } from '../../js/api.js';
import { showErrors, clearErrors } from '../../js/forms.js';
import { call, requireSession, reportError } from './portal.js';
import { documentsRequestParts, offerRequestedKinds } from './documents-request.js';

const id = queryParam('id') ?? '';
const root = document.getElementById('dossier');
const KINDS = { Statutes: 'statuts', BankDetails: 'RIB', ApprovedAccounts: 'derniers comptes approuvés', ActivityReport: 'rapport d’activité' };

await requireSession();
await load();
document.getElementById('upload-form').addEventListener('submit', upload);

async function load() {
  try {
    render(await call(`/api/portal/dossiers/${encodeURIComponent(id)}`));
  } catch (error) {
    replace(root, el('p', { class: 'notice' }, 'Cette demande ne peut pas être affichée.'));
    reportError(error);
  } finally {
    root.removeAttribute('aria-busy');
  }
}

function render(d) {
  document.getElementById('titre').textContent = `Demande n° ${d.number}`;
  document.title = `Demande n° ${d.number} — Portail des bénéficiaires — Subventions`;
  if (queryParam('depose')) {
    const banner = document.getElementById('depose');
    banner.textContent = `Votre demande n° ${d.number} a bien été reçue. Un accusé de réception vous a été envoyé par courriel ; vous pouvez aussi le télécharger ci-dessous.`;
    banner.hidden = false;
  }
  replace(root,
    el('dl', { class: 'facts' },
      el('dt', {}, 'Association'), el('dd', {}, d.beneficiaryName),
      el('dt', {}, 'Objet'), el('dd', {}, d.title),
      el('dt', {}, 'Montant demandé'), el('dd', {}, euros(d.amountRequested)),
      d.amountGranted !== null && d.amountGranted !== undefined ? [el('dt', {}, 'Montant accordé'), el('dd', {}, euros(d.amountGranted))] : null,
      el('dt', {}, 'État'), el('dd', { 'data-testid': 'portal-stage' }, d.stage)),
    el('p', {}, el('a', { href: `/api/portal/dossiers/${encodeURIComponent(d.dossierId)}/acknowledgment`, id: 'acknowledgment-link', download: '' },
      'Télécharger l’accusé de réception (PDF)')),
    el('h2', {}, 'Historique'),
    el('ol', { 'data-testid': 'portal-steps' }, d.steps.map((s) => el('li', {}, `${frenchDate(s.on)} : ${s.text}`))),
    el('h2', {}, 'Échéances'),
    d.deadlines.length
      ? el('ul', { 'data-testid': 'portal-deadlines' }, d.deadlines.map((due) => el('li', {}, `${frenchDate(due.lastDay)} : ${due.text}`)))
      : el('p', { class: 'notice' }, 'Aucune échéance pour l’instant : elles apparaîtront après la notification de la convention.'),
    el('h2', {}, 'Pièces envoyées'),
    d.documents.length
      ? el('ul', { 'data-testid': 'portal-documents' }, d.documents.map((doc) => el('li', {}, `${doc.fileName} — ${KINDS[doc.kind] ?? doc.kind}, le ${frenchInstant(doc.at)}`)))
      : el('p', { class: 'notice' }, 'Aucune pièce envoyée.'),
    el('p', { id: 'pieces-recues', role: 'status' }),
    d.missingDocuments.length
      ? el('p', { class: 'banner', 'data-testid': 'portal-missing' }, `Pièces manquantes : ${d.missingDocuments.join(', ')}.`)
      : el('p', { 'data-testid': 'portal-missing' }, 'Toutes les pièces demandées ont été envoyées.'));
  root.append(...documentsRequestParts(d, load));
  offerRequestedKinds(d, document.getElementById('document-kind'));
  if (d.canRequestPayment) root.append(paymentForm(d));
  document.getElementById('pieces').hidden = false;
}

/** The payment request: the server refuses it in words after the window's last day (shown in "Échéances"). */
function paymentForm(d) {
  const amountInput = el('input', { type: 'text', inputmode: 'decimal', id: 'payment-amount', value: String(d.amountGranted ?? '') });
  const message = el('p', { id: 'payment-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'payment-status' });
  const form = el('form', { id: 'payment-form', novalidate: true },
    el('h2', {}, 'Demander le paiement'),
    el('div', { class: 'field', 'data-field': 'amount' }, el('label', { for: 'payment-amount' }, 'Montant demandé (en euros)'), amountInput),
    message,
    el('div', { class: 'actions-row' }, el('button', { type: 'submit', id: 'payment-submit' }, 'Envoyer la demande de paiement')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const amount = Number(amountInput.value.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.'));
    try {
      await call(`/api/portal/dossiers/${encodeURIComponent(d.dossierId)}/payment-request`, { method: 'POST', json: { amount } });
      await load();
      document.getElementById('payment-status')?.replaceChildren('Votre demande de paiement a été enregistrée.');
    } catch (error) {
      if (error.errors.length) showErrors(form, error.errors.map((e) => ({ ...e, field: 'amount' })));
      else message.textContent = [error.title, error.detail].filter(Boolean).join(' — ');
    }
  });
  return form;
}

function upload(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const file = document.getElementById('document-file');
  const chosen = file.files?.[0];
  if (!chosen) {
    showErrors(form, [{ field: 'file', message: 'Choisissez le fichier à déposer.' }]);
    return;
  }
  const progress = document.getElementById('upload-progress');
  const percent = document.getElementById('upload-percent');
  const status = document.getElementById('upload-status');
  const setProgress = (value) => { progress.value = value; percent.textContent = `${value} %`; };
  const data = new FormData();
  data.append('kind', document.getElementById('document-kind').value);
  data.append('file', chosen, chosen.name);
  const xhr = new XMLHttpRequest();
  xhr.open('POST', `/api/portal/dossiers/${encodeURIComponent(id)}/documents`);
  xhr.setRequestHeader(ORIGIN_HEADER, '1');
  xhr.setRequestHeader('Idempotency-Key', newKey());
  xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
  xhr.upload.onprogress = (e) => { if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100)); };
  xhr.onload = async () => {
    let body = null;
    try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { body = null; }
    if (xhr.status >= 200 && xhr.status < 300) {
      setProgress(100);
      status.textContent = `Pièce « ${chosen.name} » déposée.`;
      file.value = '';
      await load();
      return;
    }
    setProgress(0);
    const error = toError(xhr.status, body);
    showErrors(form, error.errors.length ? error.errors.map((e) => ({ ...e, field: e.field === 'kind' ? 'kind' : 'file' }))
      : [{ field: 'file', message: [error.title, error.detail].filter(Boolean).join(' — ') }]);
    status.textContent = 'Le dépôt a échoué.';
  };
  xhr.onerror = () => { setProgress(0); status.textContent = 'Le serveur ne répond pas : la pièce n’a pas été déposée. Réessayez.'; };
  setProgress(0);
  status.textContent = 'Envoi en cours…';
  xhr.send(data);
}
