// The case officer's request for documents on the follow page: what is asked and the message, what is still missing,
// and the answer (POST /api/portal/dossiers/{id}/documents-answer), accepted once every document asked for is uploaded
// since the request. Also when silence becomes a decision (CRPA L231-4 and L114-5).
import { el, frenchDate } from '../../js/dom.js';
import { showErrors, clearErrors } from '../../js/forms.js';
import { call } from './portal.js';

/** The parts to add to the follow page for `d`, the public dossier; `reload()` shows it again after the answer. */
export function documentsRequestParts(d, reload) {
  const parts = [];
  const pending = d.pendingDocumentsRequest;
  if (pending) parts.push(requestSection(d, pending, reload));
  if (d.implicitRejectionDay) {
    parts.push(el('p', { 'data-testid': 'portal-silence' },
      `Sans décision de la collectivité d’ici là, votre demande sera réputée rejetée le ${frenchDate(d.implicitRejectionDay)} `
      + '(le silence gardé deux mois sur une demande de subvention vaut rejet, art. L231-4 du code des relations entre le public et l’administration).'));
  } else if (pending) {
    parts.push(el('p', { 'data-testid': 'portal-silence' },
      'Le délai de deux mois au terme duquel le silence vaut rejet est suspendu : il court à compter de la réception des pièces demandées (art. L114-5).'));
  }
  return parts;
}

/** Adds to the upload form's list the kinds a pending request asks for that the form does not offer yet. */
export function offerRequestedKinds(d, select) {
  const pending = d.pendingDocumentsRequest;
  if (!pending) return;
  pending.kinds.forEach((kind, i) => {
    if (![...select.options].some((o) => o.value === kind)) select.append(el('option', { value: kind }, pending.documents[i]));
  });
}

function requestSection(d, pending, reload) {
  const message = el('textarea', { id: 'answer-message', name: 'message', maxlength: '2000' });
  const status = el('p', { id: 'answer-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'answer-status' });
  const form = el('form', { id: 'answer-form', novalidate: true },
    el('div', { class: 'error-summary', id: 'answer-erreurs', tabindex: '-1', role: 'alert', hidden: true }),
    el('div', { class: 'field', 'data-field': 'message' }, el('label', { for: 'answer-message' }, 'Message au service instructeur (facultatif)'), message),
    status,
    el('div', { class: 'actions-row' }, el('button', { type: 'submit', id: 'answer-submit' }, 'Envoyer les pièces demandées')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    try {
      await call(`/api/portal/dossiers/${encodeURIComponent(d.dossierId)}/documents-answer`, { method: 'POST', json: { message: message.value.trim() } });
      await reload();
      document.getElementById('pieces-recues')?.replaceChildren('Vos pièces ont été transmises au service instructeur.');
    } catch (error) {
      const onMessage = (error.errors ?? []).filter((e) => e.field === 'message');
      if (onMessage.length) showErrors(form, onMessage);
      status.textContent = [error.title, error.detail].filter(Boolean).join(' — ');
    }
  });
  return el('section', { id: 'demande-pieces', class: 'banner', 'aria-labelledby': 'demande-pieces-titre', 'data-testid': 'portal-documents-request' },
    el('h2', { id: 'demande-pieces-titre' }, 'Pièces demandées par le service instructeur'),
    el('p', {}, `Le ${frenchDate(pending.requestedOn)}, le service instructeur vous demande : ${pending.documents.join(', ')}.`),
    el('blockquote', { 'data-testid': 'portal-documents-request-message' }, pending.message),
    pending.stillMissing.length
      ? el('p', { 'data-testid': 'portal-documents-request-missing' }, `À déposer ci-dessous : ${pending.stillMissing.join(', ')}. Puis envoyez-les au service instructeur.`)
      : el('p', { 'data-testid': 'portal-documents-request-missing' }, 'Toutes les pièces demandées sont déposées : envoyez-les au service instructeur.'),
    form);
}
