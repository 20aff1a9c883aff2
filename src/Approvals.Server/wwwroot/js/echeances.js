// The deadlines dashboard: GET /api/deadlines?days=60, overdue first (in red and with the words "en retard"),
// then grouped by week ("Semaine du 05/09/2022").
import { el, replace, frenchDate, capitalize } from './dom.js';
import { get } from './api.js';
import { initLayout, reportError } from './layout.js';

/** The Monday of the week of an ISO date, as an ISO date. */
export function weekStart(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** Overdue items first, then one group per week, each sorted by day. */
export function groupDeadlines(items) {
  const sorted = items.slice().sort((a, b) => a.day.localeCompare(b.day));
  const groups = [];
  const overdue = sorted.filter((d) => d.overdue);
  if (overdue.length) groups.push({ key: 'overdue', title: 'En retard', items: overdue });
  for (const d of sorted.filter((x) => !x.overdue)) {
    const key = weekStart(d.day);
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = { key, title: `Semaine du ${frenchDate(key)}`, items: [] };
      groups.push(group);
    }
    group.items.push(d);
  }
  return groups;
}

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
