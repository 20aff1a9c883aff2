// The operations page: the dossiers' clocks by runtime status (GET /api/clocks?status=…, a page at a time with the
// continuation the server returns), and for finance a restart (POST /api/clocks/{id}/restart).
import { el, replace, frenchInstant } from './dom.js';
import { post } from './api.js';
import { initLayout, loadList, reportError } from './layout.js';

const STATUSES = [
  { key: 'running', label: 'En cours' },
  { key: 'failed', label: 'En échec' },
  { key: 'terminated', label: 'Arrêtées' },
  { key: 'missing', label: 'Absentes' },
  { key: 'completed', label: 'Terminées' },
];
const TAKE = 50;
const params = new URLSearchParams(location.search);
const current = STATUSES.some((s) => s.key === params.get('status')) ? params.get('status') : 'running';
const continuation = params.get('continuation');
const root = document.getElementById('clocks');
const status = document.getElementById('status');
replace(document.getElementById('statuses'), STATUSES.map((s) =>
  el('a', { href: `orchestrations.html?status=${s.key}`, 'aria-current': s.key === current ? 'page' : null, 'data-testid': `status-${s.key}` }, s.label)));
const user = await initLayout('orchestrations');
load();

function load() {
  const query = `status=${current}&take=${TAKE}${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`;
  return loadList(root, `/api/clocks?${query}`, render);
}

function render(page) {
  const more = page.continuation
    ? el('nav', { class: 'pager', 'aria-label': 'Pages des orchestrations' },
      el('a', { href: `orchestrations.html?status=${current}&continuation=${encodeURIComponent(page.continuation)}`, 'data-testid': 'clocks-next' }, 'Suite de la liste'))
    : null;
  if (!page.engineRunning) {
    replace(root, el('div', { class: 'empty', 'data-testid': 'empty-state' }, el('p', {}, 'Les orchestrations ne tournent pas sur ce serveur.')));
    return;
  }
  if (!page.items.length) {
    replace(root, el('div', { class: 'empty', 'data-testid': 'empty-state' }, el('p', {}, 'Aucune orchestration dans cet état sur cette page.')), more);
    return;
  }
  const canRestart = user?.role === 'Finance' || user?.role === 'Administrator';
  replace(root, el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', { class: 'visually-hidden' }, 'Orchestrations des dossiers'),
    el('thead', {}, el('tr', {}, ['Dossier', 'État', 'Ce qu\'elle attend et sa prochaine minuterie', 'Dernière mise à jour', ''].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, page.items.map((clock) => el('tr', { 'data-testid': 'clock-row', 'data-dossier': clock.dossierId },
      el('td', {}, el('a', { href: `dossier.html?id=${encodeURIComponent(clock.dossierId)}` }, clock.dossierId)),
      el('td', {}, clock.runtimeStatusLabel),
      el('td', {}, clock.text ?? '—'),
      el('td', {}, frenchInstant(clock.lastUpdatedAt)),
      el('td', {}, canRestart
        ? el('button', { type: 'button', class: 'button-small', 'data-testid': 'restart-clock', on: { click: () => restart(clock) } }, 'Relancer')
        : el('span', { class: 'hint' }, 'service des finances'))))))), more);
}

async function restart(clock) {
  try {
    const restarted = await post(`/api/clocks/${encodeURIComponent(clock.dossierId)}/restart`, {});
    status.textContent = `Orchestration du dossier ${clock.dossierId} relancée : ${restarted.runtimeStatusLabel}.`;
  } catch (error) {
    reportError(error, 'La relance a échoué');
  }
  load();
}
