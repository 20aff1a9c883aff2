// The e-mails the provider refused for good (GET /api/outbox/failed), each with its reason; finance can send one
// again once the cause is fixed (POST /api/outbox/{dossierId}/{itemId}/retry).
import { el, replace, frenchInstant } from './dom.js';
import { post } from './api.js';
import { initLayout, loadList, reportError } from './layout.js';

const root = document.getElementById('failed');
const status = document.getElementById('status');
const user = await initLayout('envois');
load();

function load() {
  return loadList(root, '/api/outbox/failed', (items) => render(items ?? []));
}

function render(items) {
  if (!items.length) {
    replace(root, el('div', { class: 'empty', 'data-testid': 'empty-state' }, el('p', {}, 'Aucun courriel en échec.')));
    return;
  }
  const canRetry = user?.role === 'Finance';
  replace(root, el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', { class: 'visually-hidden' }, 'Courriels en échec'),
    el('thead', {}, el('tr', {}, ['Date', 'Dossier', 'Destinataires', 'Objet', 'Motif du refus', ''].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, items.map((item) => el('tr', { 'data-testid': 'failed-mail' },
      el('td', {}, frenchInstant(item.failedAt)),
      el('td', {}, el('a', { href: `dossier.html?id=${encodeURIComponent(item.dossierId)}` }, item.dossierId)),
      el('td', {}, item.to.join(', ')),
      el('td', {}, item.subject ?? item.kind),
      el('td', {}, item.reason),
      el('td', {}, canRetry
        ? el('button', { type: 'button', class: 'button-small', 'data-testid': 'retry-mail', on: { click: () => retry(item) } }, 'Renvoyer')
        : el('span', { class: 'hint' }, 'service des finances'))))))));
}

async function retry(item) {
  try {
    await post(`/api/outbox/${encodeURIComponent(item.dossierId)}/${encodeURIComponent(item.itemId)}/retry`, {});
    status.textContent = `Courriel « ${item.subject ?? item.itemId} » renvoyé.`;
  } catch (error) {
    reportError(error, 'Le renvoi a échoué');
  }
  load();
}
