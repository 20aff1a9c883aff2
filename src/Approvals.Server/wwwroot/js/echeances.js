// The deadlines dashboard: GET /api/deadlines?days=60, overdue first (in red and with the words "en retard"),
// then grouped by week ("Semaine du 05/09/2022").
import { el, replace, frenchDate, capitalize } from './dom.js';
import { get } from './api.js';
import { initLayout, reportError } from './layout.js';
import { groupDeadlines } from './deadlines.js';

const root = document.getElementById('deadlines');
initLayout('echeances');
load();

async function load() {
  try {
    const items = await get('/api/deadlines?days=60');
    render(items ?? []);
  } catch (error) {
    replace(root, el('p', { class: 'notice' }, 'Les échéances ne peuvent pas être affichées.'));
    reportError(error);
  } finally {
    root.removeAttribute('aria-busy');
  }
}

function render(items) {
  if (!items.length) {
    replace(root, el('div', { class: 'empty', 'data-testid': 'empty-state' }, el('p', {}, 'Aucune échéance dans les 60 prochains jours.')));
    return;
  }
  replace(root, groupDeadlines(items).map((group) => el('section', { 'aria-labelledby': `group-${group.key}`, 'data-testid': 'deadline-group', 'data-week': group.key },
    el('h2', { id: `group-${group.key}`, class: group.key === 'overdue' ? 'overdue' : null }, group.title, ` (${group.items.length})`),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('caption', { class: 'visually-hidden' }, group.title),
      el('thead', {}, el('tr', {}, ['Date', 'Dossier', 'Bénéficiaire', 'Échéance', 'État'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, group.items.map((d) => el('tr', { 'data-testid': 'deadline-row', class: d.overdue ? 'overdue' : null },
        el('td', {}, frenchDate(d.day)),
        el('td', {}, el('a', { href: `dossier.html?id=${encodeURIComponent(d.dossierId)}` }, d.number)),
        el('td', {}, d.beneficiaryName),
        el('td', {}, capitalize(d.label)),
        el('td', {}, d.overdue ? el('span', { class: 'badge badge-error' }, 'en retard') : 'à venir')))))))));
}
