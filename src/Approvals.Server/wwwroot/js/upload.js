// The document upload widget: kind, file, and a progress bar driven by XMLHttpRequest's upload events (fetch
// reports no upload progress). Refusals (413 too large, 422 refused type or name) appear beside the file input.
import { el, focus } from './dom.js';
import { ORIGIN_HEADER, newKey, signInUrl, toError } from './api.js';
import { DOCUMENT_KINDS } from './labels.js';
import { showErrors, clearErrors } from './forms.js';

export const ACCEPTED = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods,.doc,.xls';

/** Builds the widget for dossier `dossierId`; `onUploaded(document)` runs after each successful upload. */
export function uploadWidget(dossierId, onUploaded) {
  const kind = el('select', { id: 'document-kind', name: 'kind', 'data-field': 'kind' },
    Object.entries(DOCUMENT_KINDS).map(([value, label]) => el('option', { value }, label)));
  const file = el('input', { type: 'file', id: 'document-file', name: 'file', accept: ACCEPTED, 'data-field': 'file', 'aria-describedby': 'document-file-aide' });
  const progress = el('progress', { id: 'upload-progress', max: '100', value: '0' });
  const percent = el('span', { id: 'upload-percent', 'data-testid': 'upload-percent' }, '0 %');
  const status = el('p', { id: 'upload-status', role: 'status', 'aria-live': 'polite' });
  const button = el('button', { type: 'submit', id: 'upload-button' }, 'Déposer le document');
  const form = el('form', { class: 'upload', id: 'upload-form', novalidate: true },
    el('h3', {}, 'Joindre un document'),
    el('div', { class: 'grid' },
      el('div', { class: 'field' }, el('label', { for: 'document-kind' }, 'Nature du document'), kind),
      el('div', { class: 'field' },
        el('label', { for: 'document-file' }, 'Fichier'),
        el('p', { class: 'hint', id: 'document-file-aide' }, 'PDF, image (PNG, JPEG) ou bureautique (Word, Excel, OpenDocument).'),
        file)),
    el('div', { class: 'upload-status' },
      el('label', { for: 'upload-progress' }, 'Progression de l’envoi'), progress, percent),
    status,
    el('div', { class: 'actions-row' }, button));

  // One key per chosen file: a retry of the same file after a failure is recognised by the server.
  let key = newKey();
  file.addEventListener('change', () => { key = newKey(); });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form);
    const chosen = file.files?.[0];
    const extension = chosen ? chosen.name.slice(chosen.name.lastIndexOf('.')).toLowerCase() : '';
    if (!chosen) {
      showErrors(form, [{ field: 'file', message: 'Choisissez un fichier à déposer.' }]);
      focus(file);
      return;
    }
    if (!ACCEPTED.split(',').includes(extension)) {
      showErrors(form, [{ field: 'file', message: `Le type de fichier « ${extension || chosen.name} » n’est pas accepté : déposez un PDF, une image ou un document bureautique.` }]);
      focus(file);
      return;
    }
    send(chosen);
  });

  function setProgress(value) {
    progress.value = value;
    percent.textContent = `${value} %`;
  }

  function send(chosen) {
    const data = new FormData();
    data.append('kind', kind.value);
    data.append('file', chosen, chosen.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/dossiers/${encodeURIComponent(dossierId)}/documents`);
    xhr.setRequestHeader('Idempotency-Key', key);
    xhr.setRequestHeader(ORIGIN_HEADER, '1');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = () => {
      button.disabled = false;
      let body = null;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { body = null; }
      if (xhr.status === 401) {
        location.assign(signInUrl());
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        setProgress(100);
        status.textContent = `Document « ${chosen.name} » déposé.`;
        file.value = '';
        key = newKey();
        onUploaded?.(body);
        return;
      }
      setProgress(0);
      const error = toError(xhr.status, body);
      const message = xhr.status === 413
        ? `Le fichier « ${chosen.name} » est trop volumineux${error.detail ? ` : ${error.detail}` : '.'}`
        : [error.title, error.detail].filter(Boolean).join(' — ');
      const errors = error.errors.length
        ? error.errors.map((e) => ({ ...e, field: e.field === 'kind' ? 'kind' : 'file' }))
        : [{ field: 'file', message }];
      showErrors(form, errors);
      status.textContent = 'Le dépôt a échoué.';
      focus(file);
    };
    xhr.onerror = () => {
      button.disabled = false;
      setProgress(0);
      showErrors(form, [{ field: 'file', message: 'Le serveur ne répond pas : le fichier n’a pas été déposé. Réessayez.' }]);
      status.textContent = 'Le dépôt a échoué.';
    };
    setProgress(0);
    status.textContent = 'Envoi en cours…';
    button.disabled = true;
    xhr.send(data);
  }

  return form;
}

/** The list of a dossier's documents, with download links. */
export function documentList(dossierId, documents) {
  if (!documents?.length) return el('p', { class: 'notice', id: 'document-list' }, 'Aucun document joint.');
  return el('ul', { class: 'plain-list', id: 'document-list', 'data-testid': 'document-list' }, documents.map((d) => el('li', { 'data-testid': 'document' },
    el('a', { href: `/api/dossiers/${encodeURIComponent(dossierId)}/documents/${encodeURIComponent(d.documentId)}` }, d.fileName),
    ` — ${DOCUMENT_KINDS[d.kind] ?? d.kind}`,
    d.size !== undefined ? ` (${sizeText(d.size)})` : '')));
}

export function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} octets`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Ko`;
  return `${(bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}

